import { describe, expect, it } from "vitest";
import { buildForest, visibleRows, type FlatNode } from "./tree";
import { treeKeyAction } from "./tree-keys";

const nodes: FlatNode[] = [
  { id: "r", parentId: null, kind: "ou", name: "Root" },
  { id: "a", parentId: "r", kind: "ou", name: "Alpha" },
  { id: "b", parentId: "r", kind: "ou", name: "Beta" },
  { id: "a1", parentId: "a", kind: "account", name: "alpha-one" },
  { id: "b1", parentId: "b", kind: "account", name: "beta-one" },
  { id: "z", parentId: "r", kind: "account", name: "zeta" },
];
const forest = buildForest(nodes);
// Root(0) > Alpha(1, open) > alpha-one(2); Beta(3, closed); zeta(4)
const rows = visibleRows(forest, new Set(["r", "a"]));

describe("treeKeyAction", () => {
  it.each([
    ["ArrowDown", 0, { type: "focus", index: 1 }],
    ["ArrowDown", 4, null],
    ["ArrowUp", 2, { type: "focus", index: 1 }],
    ["ArrowUp", 0, null],
    ["Home", 3, { type: "focus", index: 0 }],
    ["End", 1, { type: "focus", index: 4 }],
    ["ArrowRight", 3, { type: "expand", ids: ["b"] }],
    ["ArrowRight", 1, { type: "focus", index: 2 }],
    ["ArrowRight", 4, null],
    ["ArrowLeft", 1, { type: "collapse", id: "a" }],
    ["ArrowLeft", 2, { type: "focus", index: 1 }],
    ["ArrowLeft", 3, { type: "focus", index: 0 }],
    ["ArrowLeft", 0, { type: "collapse", id: "r" }],
    ["Enter", 2, { type: "activate", index: 2 }],
    ["*", 1, { type: "expand", ids: ["b"] }],
    ["z", 0, { type: "focus", index: 4 }],
    ["B", 4, { type: "focus", index: 3 }],
    ["q", 0, null],
    ["Tab", 0, null],
  ] as const)("%s on row %i", (key, index, action) => {
    expect(treeKeyAction(rows, index, key)).toEqual(action);
  });

  it("moves to the first row when focus was lost", () => {
    expect(treeKeyAction(rows, 99, "ArrowDown")).toEqual({ type: "focus", index: 0 });
    expect(treeKeyAction([], 0, "ArrowDown")).toBeNull();
  });
});
