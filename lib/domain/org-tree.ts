// Paths and depths of the OU tree, from the flat parent-linked list every source produces.
export interface TreeNode {
  id: string;
  parentId: string | null;
  name: string;
}

export interface NodePath {
  /** Names from the root, joined by "/": "Root/Workloads/Prod". */
  path: string;
  /** Ids from the root down to and including the node. */
  pathIds: string[];
  depth: number;
}

export function computeOuPaths(nodes: readonly TreeNode[]): Map<string, NodePath> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const out = new Map<string, NodePath>();
  const resolve = (id: string, trail: Set<string>): NodePath => {
    const known = out.get(id);
    if (known) return known;
    const node = byId.get(id);
    if (!node) throw new Error(`OU ${id} is referenced but not in the organization`);
    if (trail.has(id)) throw new Error(`OU tree has a cycle at ${id}`);
    trail.add(id);
    const parent = node.parentId === null ? null : resolve(node.parentId, trail);
    const result: NodePath = parent
      ? {
          path: `${parent.path}/${node.name}`,
          pathIds: [...parent.pathIds, node.id],
          depth: parent.depth + 1,
        }
      : { path: node.name, pathIds: [node.id], depth: 0 };
    out.set(id, result);
    return result;
  };
  for (const n of nodes) resolve(n.id, new Set());
  return out;
}
