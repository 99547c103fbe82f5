import { describe, expect, it } from "vitest";
import { ancestry, buildForest, searchForest, visibleRows, type FlatNode } from "./tree";

const ou = (id: string, parentId: string | null, name: string): FlatNode => ({
  id,
  parentId,
  kind: "ou",
  name,
});
const acct = (id: string, parentId: string, name: string): FlatNode => ({
  id,
  parentId,
  kind: "account",
  name,
});

// Root ─ Workloads ─ Prod ─ payments-prod, mobile-prod
//      │          └ SDLC ─ payments-dev
//      ├ Security ─ log-archive
//      └ management (account at the root)
const nodes: FlatNode[] = [
  acct("111111111111", "r", "management"),
  ou("ou-sdlc", "ou-work", "SDLC"),
  ou("r", null, "Root"),
  ou("ou-work", "r", "Workloads"),
  acct("333333333333", "ou-prod", "payments-prod"),
  ou("ou-prod", "ou-work", "Prod"),
  acct("222222222222", "ou-prod", "mobile-prod"),
  acct("444444444444", "ou-sdlc", "payments-dev"),
  ou("ou-sec", "r", "Security"),
  acct("555555555555", "ou-sec", "log-archive"),
];
const forest = buildForest(nodes);
const names = (rows: { node: FlatNode }[]) => rows.map((r) => r.node.name);

describe("buildForest", () => {
  it("finds the root and orders children OUs first, then accounts, by name", () => {
    expect(forest.roots.map((n) => n.id)).toEqual(["r"]);
    expect(forest.children.get("r")?.map((n) => n.name)).toEqual([
      "Security",
      "Workloads",
      "management",
    ]);
    expect(forest.children.get("ou-prod")?.map((n) => n.name)).toEqual([
      "mobile-prod",
      "payments-prod",
    ]);
  });

  it("treats nodes whose parent is not in the list as roots (a scoped user's OUs)", () => {
    const scoped = buildForest(
      nodes.filter((n) =>
        ["ou-prod", "333333333333", "222222222222", "ou-sec", "555555555555"].includes(n.id),
      ),
    );
    expect(scoped.roots.map((n) => n.name)).toEqual(["Prod", "Security"]);
  });
});

describe("ancestry", () => {
  it("lists ids from the top down to the node", () => {
    expect(ancestry(forest, "333333333333")).toEqual(["r", "ou-work", "ou-prod", "333333333333"]);
    expect(ancestry(forest, "missing")).toEqual([]);
  });
});

describe("visibleRows", () => {
  it("shows only the roots when nothing is expanded", () => {
    expect(visibleRows(forest, new Set())).toEqual([
      {
        node: forest.byId.get("r"),
        level: 1,
        posInSet: 1,
        setSize: 1,
        hasChildren: true,
        expanded: false,
      },
    ]);
  });

  it("descends depth first into expanded nodes with aria level, position and set size", () => {
    const rows = visibleRows(forest, new Set(["r", "ou-work", "ou-prod"]));
    expect(names(rows)).toEqual([
      "Root",
      "Security",
      "Workloads",
      "Prod",
      "mobile-prod",
      "payments-prod",
      "SDLC",
      "management",
    ]);
    const prod = rows.find((r) => r.node.id === "ou-prod");
    expect(prod).toMatchObject({
      level: 3,
      posInSet: 1,
      setSize: 2,
      hasChildren: true,
      expanded: true,
    });
    expect(rows.find((r) => r.node.name === "management")).toMatchObject({
      level: 2,
      posInSet: 3,
      setSize: 3,
      hasChildren: false,
    });
    expect(rows.find((r) => r.node.name === "SDLC")).toMatchObject({
      expanded: false,
      hasChildren: true,
    });
  });

  it("starts at a focused OU", () => {
    expect(names(visibleRows(forest, new Set(["ou-work"]), { rootIds: ["ou-work"] }))).toEqual([
      "Workloads",
      "Prod",
      "SDLC",
    ]);
  });

  it("restricts rows and recounts the set sizes to the kept ids", () => {
    const rows = visibleRows(forest, new Set(["r", "ou-work"]), {
      only: new Set(["r", "ou-work", "ou-sdlc"]),
    });
    expect(names(rows)).toEqual(["Root", "Workloads", "SDLC"]);
    expect(rows[1]).toMatchObject({ posInSet: 1, setSize: 1 });
    expect(rows[2]).toMatchObject({ hasChildren: false });
  });

  it("copes with a wide organization without recursion", () => {
    const wide = buildForest([
      ou("r", null, "Root"),
      ...Array.from({ length: 5000 }, (_, i) =>
        acct(String(i).padStart(12, "0"), "r", `acct-${i}`),
      ),
    ]);
    const rows = visibleRows(wide, new Set(["r"]));
    expect(rows).toHaveLength(5001);
    expect(rows[5000]).toMatchObject({ level: 2, posInSet: 5000, setSize: 5000 });
  });
});

describe("searchForest", () => {
  it("matches names case-insensitively, opens the ancestors and keeps a matched OU's subtree", () => {
    const r = searchForest(forest, "PROD");
    expect([...r.matches].sort()).toEqual(["222222222222", "333333333333", "ou-prod"]);
    expect([...r.expand].sort()).toEqual(["ou-prod", "ou-work", "r"]);
    expect([...r.visible].sort()).toEqual([
      "222222222222",
      "333333333333",
      "ou-prod",
      "ou-work",
      "r",
    ]);
  });

  it("matches account ids", () => {
    const r = searchForest(forest, "4444");
    expect([...r.matches]).toEqual(["444444444444"]);
    expect(names(visibleRows(forest, r.expand, { only: r.visible }))).toEqual([
      "Root",
      "Workloads",
      "SDLC",
      "payments-dev",
    ]);
  });

  it("returns nothing for a blank query", () => {
    expect(searchForest(forest, "  ").matches.size).toBe(0);
  });
});
