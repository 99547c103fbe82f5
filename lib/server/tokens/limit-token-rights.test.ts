import { describe, expect, it } from "vitest";
import type { Resolved } from "@/lib/auth/resolve-role";
import { limitTokenRights } from "./limit-token-rights";

// Root → Workloads → Prod → Shop; Root → Sandbox. pathIds list ancestors and the OU itself.
const PATHS = new Map<string, string[]>([
  ["root", ["root"]],
  ["workloads", ["root", "workloads"]],
  ["prod", ["root", "workloads", "prod"]],
  ["shop", ["root", "workloads", "prod", "shop"]],
  ["sandbox", ["root", "sandbox"]],
]);
const r = (role: Resolved["role"], ouIds: string[] | null): Resolved => ({
  role,
  scope: { ouIds },
});

describe("limitTokenRights: the lesser of the token's rights and its creator's current ones", () => {
  it.each([
    [
      "an unchanged unscoped admin keeps everything",
      r("admin", null),
      r("admin", null),
      r("admin", null),
    ],
    [
      "a demoted creator lowers the token's role",
      r("analyst", null),
      r("viewer", null),
      r("viewer", null),
    ],
    [
      "a promoted creator does not raise it",
      r("viewer", null),
      r("admin", null),
      r("viewer", null),
    ],
    [
      "an unscoped creator keeps the token's scope",
      r("analyst", ["prod"]),
      r("analyst", null),
      r("analyst", ["prod"]),
    ],
    [
      "a creator scoped later narrows an unscoped token",
      r("analyst", null),
      r("analyst", ["sandbox"]),
      r("analyst", ["sandbox"]),
    ],
    [
      "a creator narrowed to a subtree keeps only that part",
      r("analyst", ["workloads"]),
      r("analyst", ["shop"]),
      r("analyst", ["shop"]),
    ],
    [
      "a creator widened keeps the token's own subtree",
      r("analyst", ["shop"]),
      r("admin", ["workloads"]),
      r("analyst", ["shop"]),
    ],
    [
      "of several OUs only the covered ones stay",
      r("analyst", ["prod", "sandbox"]),
      r("analyst", ["workloads"]),
      r("analyst", ["prod"]),
    ],
  ])("%s", (_name, token, creator, expected) => {
    expect(limitTokenRights(token, creator, PATHS)).toEqual(expected);
  });

  it("a creator whose scope no longer overlaps the token's leaves nothing: the token is dead", () => {
    expect(limitTokenRights(r("analyst", ["prod"]), r("analyst", ["sandbox"]), PATHS)).toBeNull();
  });
});
