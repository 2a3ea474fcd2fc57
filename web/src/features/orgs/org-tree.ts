import type { Org } from './orgs-api';

export interface OrgNode extends Org {
  children?: OrgNode[];
}

/**
 * Builds the organisation tree from a flat list. An item whose parent is not in the list (the user
 * may not see it, or a filter hid it) becomes a root. Siblings keep the list's order by kind, then name.
 */
export function buildOrgTree(items: readonly Org[]): OrgNode[] {
  const nodes = new Map<string, OrgNode>();
  for (const item of items) nodes.set(item.id, { ...item });
  const roots: OrgNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent && !createsCycle(nodes, node, parent)) {
      (parent.children ??= []).push(node);
    } else {
      roots.push(node);
    }
  }
  const sort = (list: OrgNode[]) => {
    list.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.nameZh.localeCompare(b.nameZh, 'zh-CN'));
    for (const node of list) if (node.children) sort(node.children);
  };
  sort(roots);
  return roots;
}

const KIND_ORDER: Record<Org['kind'], number> = {
  ministry: 0,
  centre: 1,
  domain_platform: 2,
  province_dept: 3,
  repository: 4,
  unit: 5,
};

// A corrupt parent chain must not hang the page: refuse a link that loops back to the node.
function createsCycle(nodes: Map<string, OrgNode>, node: OrgNode, parent: OrgNode): boolean {
  let current: OrgNode | undefined = parent;
  for (let steps = 0; current && steps <= nodes.size; steps += 1) {
    if (current.id === node.id) return true;
    current = current.parentId ? nodes.get(current.parentId) : undefined;
  }
  return false;
}

/** The ids of an organisation and everything below it (what cannot become its parent). */
export function descendantIds(items: readonly Org[], id: string): Set<string> {
  const result = new Set<string>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const item of items) {
      if (item.parentId && result.has(item.parentId) && !result.has(item.id)) {
        result.add(item.id);
        grew = true;
      }
    }
  }
  return result;
}

/** Ids of every node that has children (to expand the whole tree). */
export function parentKeys(nodes: readonly OrgNode[]): string[] {
  const keys: string[] = [];
  const walk = (list: readonly OrgNode[]) => {
    for (const node of list) {
      if (node.children?.length) {
        keys.push(node.id);
        walk(node.children);
      }
    }
  };
  walk(nodes);
  return keys;
}
