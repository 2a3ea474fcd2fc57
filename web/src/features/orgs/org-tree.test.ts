import { describe, expect, it } from 'vitest';
import { buildOrgTree, descendantIds, parentKeys } from './org-tree';
import type { Org } from './orgs-api';

function org(id: string, kind: Org['kind'], parentId: string | null, nameZh = id): Org {
  return { id, kind, nameZh, nameEn: null, parentId, regionCode: null, creditCode: null, createdAt: '', updatedAt: '' };
}

describe('buildOrgTree', () => {
  it('nests children under their parents', () => {
    const tree = buildOrgTree([org('c', 'centre', 'm'), org('m', 'ministry', null), org('p', 'domain_platform', 'c')]);
    expect(tree.map((n) => n.id)).toEqual(['m']);
    expect(tree[0]?.children?.[0]?.id).toBe('c');
    expect(tree[0]?.children?.[0]?.children?.[0]?.id).toBe('p');
  });

  it('makes an item whose parent is not visible a root (a unit admin sees only the unit)', () => {
    const tree = buildOrgTree([org('u', 'unit', 'hidden-ministry')]);
    expect(tree.map((n) => n.id)).toEqual(['u']);
    expect(tree[0]?.children).toBeUndefined();
  });

  it('orders siblings by kind, then name', () => {
    const tree = buildOrgTree([org('u1', 'unit', null, '浙江大学'), org('p1', 'province_dept', null, '浙江省科学技术厅'), org('m', 'ministry', null)]);
    expect(tree.map((n) => n.id)).toEqual(['m', 'p1', 'u1']);
  });

  it('survives a parent cycle instead of looping', () => {
    const tree = buildOrgTree([org('a', 'unit', 'b'), org('b', 'unit', 'a')]);
    expect(tree.map((n) => n.id).sort()).toEqual(['a', 'b']);
  });

  it('lists the keys of nodes with children', () => {
    expect(parentKeys(buildOrgTree([org('m', 'ministry', null), org('c', 'centre', 'm'), org('p', 'domain_platform', 'c')]))).toEqual(['m', 'c']);
  });
});

describe('descendantIds', () => {
  it('returns an organisation and everything below it', () => {
    const items = [org('m', 'ministry', null), org('c', 'centre', 'm'), org('p', 'domain_platform', 'c'), org('x', 'unit', null)];
    expect([...descendantIds(items, 'c')].sort()).toEqual(['c', 'p']);
  });
});
