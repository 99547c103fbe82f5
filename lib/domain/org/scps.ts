// SCP inheritance: a policy attached to an OU is in force on everything below it.
export interface ParentLink {
  id: string;
  parentId: string | null;
}

/**
 * For every node, the policies attached to its ancestors (nearest last, each once), excluding none:
 * a policy attached both here and above is attached and inherited.
 */
export function inheritedPolicies(
  nodes: readonly ParentLink[],
  attached: ReadonlyMap<string, readonly string[]>,
): Map<string, string[]> {
  const parentOf = new Map(nodes.map((n) => [n.id, n.parentId]));
  const memo = new Map<string, string[]>();
  const inForce = (id: string, trail: Set<string>): string[] => {
    const known = memo.get(id);
    if (known) return known;
    if (trail.has(id)) throw new Error(`OU tree has a cycle at ${id}`);
    trail.add(id);
    const parent = parentOf.get(id) ?? null;
    const above = parent === null || !parentOf.has(parent) ? [] : inForce(parent, trail);
    const here = [...new Set([...above, ...(attached.get(id) ?? [])])];
    memo.set(id, here);
    return here;
  };
  const out = new Map<string, string[]>();
  for (const n of nodes) {
    const parent = n.parentId;
    out.set(n.id, parent === null || !parentOf.has(parent) ? [] : inForce(parent, new Set()));
  }
  return out;
}
