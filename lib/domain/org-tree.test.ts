import { describe, expect, it } from "vitest";
import { computeOuPaths } from "./org-tree";

describe("computeOuPaths", () => {
  const nodes = [
    { id: "ou-b", parentId: "ou-a", name: "Prod" },
    { id: "r-1", parentId: null, name: "Root" },
    { id: "ou-a", parentId: "r-1", name: "Workloads" },
  ];

  it("builds name paths, id paths and depths regardless of input order", () => {
    const paths = computeOuPaths(nodes);
    expect(paths.get("ou-b")).toEqual({
      path: "Root/Workloads/Prod",
      pathIds: ["r-1", "ou-a", "ou-b"],
      depth: 2,
    });
    expect(paths.get("r-1")).toEqual({ path: "Root", pathIds: ["r-1"], depth: 0 });
  });

  it("rejects a parent that is not in the organization", () => {
    expect(() => computeOuPaths([{ id: "ou-x", parentId: "ou-missing", name: "X" }])).toThrow(
      /ou-missing/,
    );
  });

  it("rejects cycles", () => {
    expect(() =>
      computeOuPaths([
        { id: "a", parentId: "b", name: "A" },
        { id: "b", parentId: "a", name: "B" },
      ]),
    ).toThrow(/cycle/);
  });
});
