import { describe, expect, it } from "vitest";
import { inheritedPolicies } from "./scps";

const nodes = [
  { id: "acct-1", parentId: "ou-prod" },
  { id: "ou-prod", parentId: "ou-work" },
  { id: "r", parentId: null },
  { id: "ou-work", parentId: "r" },
  { id: "ou-sandbox", parentId: "r" },
];
const attached = new Map([
  ["r", ["p-full"]],
  ["ou-work", ["p-full", "p-baseline", "p-region"]],
  ["ou-prod", ["p-full"]],
  ["acct-1", ["p-full", "p-deny-iam"]],
]);

describe("inheritedPolicies", () => {
  const inherited = inheritedPolicies(nodes, attached);

  it("gives the root nothing and each node everything attached above it, once", () => {
    expect(inherited.get("r")).toEqual([]);
    expect(inherited.get("ou-work")).toEqual(["p-full"]);
    expect(inherited.get("ou-prod")).toEqual(["p-full", "p-baseline", "p-region"]);
    expect(inherited.get("ou-sandbox")).toEqual(["p-full"]);
  });

  it("passes an OU's own attachments down to its accounts but never an account's up", () => {
    expect(inherited.get("acct-1")).toEqual(["p-full", "p-baseline", "p-region"]);
    expect([...inherited.values()].flat()).not.toContain("p-deny-iam");
  });

  it("treats a node whose parent is unknown as a top node", () => {
    expect(inheritedPolicies([{ id: "x", parentId: "gone" }], attached).get("x")).toEqual([]);
  });

  it("rejects cycles", () => {
    expect(() =>
      inheritedPolicies(
        [
          { id: "a", parentId: "b" },
          { id: "b", parentId: "a" },
        ],
        attached,
      ),
    ).toThrow(/cycle/);
  });
});
