import { describe, expect, it } from 'vitest';
import { breakdownBy, drillLevel, exportHref, parseSupervisionQuery, provinceOf, supervisionParams } from './supervision-filter';

const UNIT = '0a000000-0000-4000-8000-000000000001';

describe('supervision address bar', () => {
  it('keeps what is well formed and drops the rest', () => {
    const query = parseSupervisionQuery(new URLSearchParams(`province=330106&unitId=${UNIT}&platformId=nope&programCode=2025YFC0800000&q=%20队列%20&overdue=true&sort=overdue&order=desc&page=3&pageSize=7&tab=settings`));
    expect(query).toEqual({
      province: undefined, unitId: UNIT, platformId: undefined, programCode: '2025YFC0800000', projectCode: undefined, q: '队列',
      overdue: true, sort: 'overdue', order: 'desc', page: 3, pageSize: 20, tab: 'settings',
    });
    expect(supervisionParams(query).toString()).toBe(`unitId=${UNIT}&programCode=2025YFC0800000&q=%E9%98%9F%E5%88%97&overdue=true&sort=overdue&order=desc&page=3&tab=settings`);
  });

  it('drills national → province → unit, grouping by province, then unit, then none', () => {
    expect([drillLevel({}), drillLevel({ province: '330000' }), drillLevel({ province: '330000', unitId: UNIT })]).toEqual(['national', 'province', 'unit']);
    expect([breakdownBy('national'), breakdownBy('province'), breakdownBy('unit')]).toEqual(['province', 'unit', null]);
    expect(provinceOf('330106')).toBe('330000');
    expect(provinceOf(null)).toBeUndefined();
  });

  it('exports the scope and the overdue switch, not the page or sort', () => {
    expect(exportHref(parseSupervisionQuery(new URLSearchParams('page=2&sort=code')))).toBe('/api/supervision/export.xlsx');
    expect(exportHref(parseSupervisionQuery(new URLSearchParams(`province=330000&unitId=${UNIT}&overdue=true&page=2`)))).toBe(
      `/api/supervision/export.xlsx?province=330000&unitId=${UNIT}&overdue=true`,
    );
  });
});
