// Shapes the OU tree's flat node list (parent-linked, as the API sends it) into what a tree view
// shows: sorted children, the rows visible under the expanded set, and search matches.
export interface FlatNode {
  id: string;
  parentId: string | null;
  kind: "ou" | "account";
  name: string;
}

export interface Forest<N extends FlatNode> {
  byId: ReadonlyMap<string, N>;
  /** Children by parent id: OUs first, then accounts, each by name. */
  children: ReadonlyMap<string, readonly N[]>;
  /** Nodes without a parent in the list: the Root, or a scoped user's OUs. */
  roots: readonly N[];
}

const byKindThenName = (a: FlatNode, b: FlatNode) =>
  a.kind === b.kind
    ? a.name.localeCompare(b.name, "en", { sensitivity: "base" }) || a.id.localeCompare(b.id)
    : a.kind === "ou"
      ? -1
      : 1;

export function buildForest<N extends FlatNode>(nodes: readonly N[]): Forest<N> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const children = new Map<string, N[]>();
  const roots: N[] = [];
  for (const n of nodes) {
    if (n.parentId === null || !byId.has(n.parentId)) roots.push(n);
    else {
      const list = children.get(n.parentId);
      if (list) list.push(n);
      else children.set(n.parentId, [n]);
    }
  }
  for (const list of children.values()) list.sort(byKindThenName);
  roots.sort(byKindThenName);
  return { byId, children, roots };
}

/** Ids from the top of the forest down to the node, the node included. */
export function ancestry<N extends FlatNode>(forest: Forest<N>, id: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (
    let node = forest.byId.get(id);
    node && !seen.has(node.id);
    node = node.parentId ? forest.byId.get(node.parentId) : undefined
  ) {
    seen.add(node.id);
    out.unshift(node.id);
  }
  return out;
}

export interface TreeRow<N extends FlatNode> {
  node: N;
  /** 1-based, as aria-level wants it. */
  level: number;
  posInSet: number;
  setSize: number;
  hasChildren: boolean;
  expanded: boolean;
}

export interface VisibleOptions {
  /** Show only these subtrees (an OU the user focused); default the whole forest. */
  rootIds?: readonly string[];
  /** Restrict to these ids (search results); default everything. */
  only?: ReadonlySet<string>;
}

/** The rows a tree shows, depth first, descending only into expanded nodes. */
export function visibleRows<N extends FlatNode>(
  forest: Forest<N>,
  expanded: ReadonlySet<string>,
  opts: VisibleOptions = {},
): TreeRow<N>[] {
  const keep = (n: N) => !opts.only || opts.only.has(n.id);
  const kidsOf = (id: string) => (forest.children.get(id) ?? []).filter(keep);
  const tops = (
    opts.rootIds ? opts.rootIds.flatMap((id) => forest.byId.get(id) ?? []) : forest.roots
  ).filter(keep);
  const out: TreeRow<N>[] = [];
  // An explicit stack instead of recursion: a deep or wide org must not hit the call-stack limit.
  const stack: { nodes: readonly N[]; index: number; level: number }[] = [
    { nodes: tops, index: 0, level: 1 },
  ];
  while (stack.length) {
    const frame = stack[stack.length - 1];
    if (!frame || frame.index >= frame.nodes.length) {
      stack.pop();
      continue;
    }
    const node = frame.nodes[frame.index];
    frame.index += 1;
    if (!node) continue;
    const kids = kidsOf(node.id);
    const isOpen = kids.length > 0 && expanded.has(node.id);
    out.push({
      node,
      level: frame.level,
      posInSet: frame.index,
      setSize: frame.nodes.length,
      hasChildren: kids.length > 0,
      expanded: isOpen,
    });
    if (isOpen) stack.push({ nodes: kids, index: 0, level: frame.level + 1 });
  }
  return out;
}

export interface SearchResult {
  /** Nodes whose name or id contains the query. */
  matches: Set<string>;
  /** Matches, their ancestors, and everything under a matching OU. */
  visible: Set<string>;
  /** Ancestors to open so every match shows. */
  expand: Set<string>;
}

export function searchForest<N extends FlatNode>(forest: Forest<N>, query: string): SearchResult {
  const q = query.trim().toLowerCase();
  const result: SearchResult = { matches: new Set(), visible: new Set(), expand: new Set() };
  if (!q) return result;
  for (const node of forest.byId.values()) {
    if (!node.name.toLowerCase().includes(q) && !node.id.toLowerCase().includes(q)) continue;
    result.matches.add(node.id);
    const chain = ancestry(forest, node.id);
    for (const id of chain) result.visible.add(id);
    for (const id of chain.slice(0, -1)) result.expand.add(id);
  }
  for (const id of result.matches) addSubtree(forest, id, result.visible);
  return result;
}

function addSubtree<N extends FlatNode>(forest: Forest<N>, id: string, into: Set<string>): void {
  const stack = [id];
  while (stack.length) {
    const next = stack.pop();
    if (next === undefined) break;
    into.add(next);
    for (const child of forest.children.get(next) ?? []) stack.push(child.id);
  }
}
