// The WAI-ARIA tree pattern's keyboard model over the visible rows, as a pure function:
// (rows, focused row, key) → what the view should do.
import type { FlatNode, TreeRow } from "./tree";

export type TreeKeyAction =
  | { type: "focus"; index: number }
  | { type: "expand"; ids: string[] }
  | { type: "collapse"; id: string }
  | { type: "activate"; index: number };

export function treeKeyAction<N extends FlatNode>(
  rows: readonly TreeRow<N>[],
  index: number,
  key: string,
): TreeKeyAction | null {
  const row = rows[index];
  if (!row) return rows.length ? { type: "focus", index: 0 } : null;
  const last = rows.length - 1;
  switch (key) {
    case "ArrowDown":
      return index < last ? { type: "focus", index: index + 1 } : null;
    case "ArrowUp":
      return index > 0 ? { type: "focus", index: index - 1 } : null;
    case "Home":
      return { type: "focus", index: 0 };
    case "End":
      return { type: "focus", index: last };
    case "ArrowRight":
      if (!row.hasChildren) return null;
      return row.expanded
        ? { type: "focus", index: index + 1 }
        : { type: "expand", ids: [row.node.id] };
    case "ArrowLeft": {
      if (row.expanded) return { type: "collapse", id: row.node.id };
      const parent = parentIndex(rows, index);
      return parent === null ? null : { type: "focus", index: parent };
    }
    case "Enter":
      return { type: "activate", index };
    case "*":
      return {
        type: "expand",
        ids: siblingsOf(rows, index)
          .filter((r) => r.hasChildren && !r.expanded)
          .map((r) => r.node.id),
      };
    default:
      return typeAhead(rows, index, key);
  }
}

function parentIndex<N extends FlatNode>(
  rows: readonly TreeRow<N>[],
  index: number,
): number | null {
  const level = rows[index]?.level ?? 1;
  for (let i = index - 1; i >= 0; i--) if ((rows[i]?.level ?? 0) < level) return i;
  return null;
}

function siblingsOf<N extends FlatNode>(rows: readonly TreeRow<N>[], index: number): TreeRow<N>[] {
  const row = rows[index];
  if (!row) return [];
  const parentId = row.node.parentId;
  return rows.filter((r) => r.level === row.level && r.node.parentId === parentId);
}

/** A printable character moves to the next row whose name starts with it, wrapping around. */
function typeAhead<N extends FlatNode>(
  rows: readonly TreeRow<N>[],
  index: number,
  key: string,
): TreeKeyAction | null {
  if (key.length !== 1 || !/\S/.test(key)) return null;
  const ch = key.toLowerCase();
  for (let step = 1; step <= rows.length; step++) {
    const i = (index + step) % rows.length;
    if (rows[i]?.node.name.toLowerCase().startsWith(ch)) return { type: "focus", index: i };
  }
  return null;
}
