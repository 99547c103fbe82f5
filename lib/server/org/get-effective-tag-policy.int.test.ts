import { describe, expect, it } from "vitest";
import { runCollection } from "@/lib/collect/run";
import { evaluateRun } from "@/lib/collect/evaluate";
import type { TSnapshot } from "@/lib/domain/snapshot";
import { ACC, OU, baselineSnapshot } from "@/testing/checks/fixtures";
import type { Db } from "@/lib/db/client";
import { useTestDatabase } from "@/testing/db";
import { getEffectiveTagPolicy } from "./get-effective-tag-policy";

const tagPolicy = (
  id: string,
  name: string,
  targetId: string,
  tags: object,
  targetType: "ROOT" | "ORGANIZATIONAL_UNIT" | "ACCOUNT" = "ORGANIZATIONAL_UNIT",
) => ({
  id,
  type: "TAG_POLICY" as const,
  name,
  description: "",
  awsManaged: false,
  content: JSON.stringify({ tags }),
  targets: [{ targetId, targetType }],
});

async function store(db: Db, url: string, snap: TSnapshot) {
  const run = await runCollection(db, url, {
    source: "demo",
    produce: () => Promise.resolve(snap),
    evaluate: evaluateRun,
  });
  expect(run.status).toBe("succeeded");
}

const ALL = { ouIds: null };
const root = (policies: string[]) => ({
  targetKind: "root",
  targetId: OU.root,
  targetName: "Root",
  policies,
});

describe("the effective tag policy of an OU or account, from the stored policies", () => {
  const t = useTestDatabase(async (db, url) => {
    const snap = baselineSnapshot();
    // baselineSnapshot attaches required-tags (owner, project, cost-center; enforced for ec2:instance, s3:bucket) at the root.
    snap.policies.push(
      tagPolicy("p-wl", "workloads-cost-centers", OU.workloads, {
        "cost-center": {
          tag_value: { "@@assign": ["CC-100", "CC-200"] },
          enforced_for: { "@@append": ["rds:db"] },
        },
      }),
      tagPolicy("p-prod", "prod-cost-center", OU.prod, {
        "cost-center": { tag_value: { "@@assign": ["CC-900"] } },
      }),
      tagPolicy("p-sdlc", "sdlc-extra-center", OU.sdlc, {
        "cost-center": { tag_value: { "@@append": ["CC-300"] } },
      }),
      tagPolicy(
        "p-dev",
        "dev-environment",
        ACC.dev,
        {
          environment: {
            tag_key: { "@@assign": "Environment" },
            tag_value: { "@@assign": ["dev"] },
          },
        },
        "ACCOUNT",
      ),
    );
    await store(db, url, snap);
  });

  it("inherits the root's keys and shows where each comes from", async () => {
    const sec = await getEffectiveTagPolicy(t.db, ALL, { kind: "ou", id: OU.security });
    expect(sec?.target).toEqual({ kind: "ou", id: OU.security, name: "Security" });
    expect(sec?.rules.map((r) => r.key)).toEqual(["cost-center", "owner", "project"]);
    const owner = sec?.rules.find((r) => r.key === "owner");
    expect(owner?.values).toEqual([]);
    expect(owner?.enforcedFor).toEqual([
      { value: "ec2:instance", from: root(["required-tags"]) },
      { value: "s3:bucket", from: root(["required-tags"]) },
    ]);
    expect(owner?.sources).toEqual([root(["required-tags"])]);
  });

  it("lets a child OU's @@assign replace the values a parent assigned, and keeps an @@append from above", async () => {
    const prod = await getEffectiveTagPolicy(t.db, ALL, { kind: "ou", id: OU.prod });
    const cc = prod?.rules.find((r) => r.key === "cost-center");
    expect(cc?.values).toEqual([
      {
        value: "CC-900",
        from: {
          targetKind: "ou",
          targetId: OU.prod,
          targetName: "Prod",
          policies: ["prod-cost-center"],
        },
      },
    ]);
    expect(cc?.enforcedFor.map((v) => [v.value, v.from.targetName])).toEqual([
      ["ec2:instance", "Root"],
      ["s3:bucket", "Root"],
      ["rds:db", "Workloads"],
    ]);
    expect(cc?.sources.map((s) => [s.targetName, s.policies])).toEqual([
      ["Root", ["required-tags"]],
      ["Workloads", ["workloads-cost-centers"]],
      ["Prod", ["prod-cost-center"]],
    ]);
  });

  it("adds an OU's @@append values to the inherited ones and an account's own policy on top", async () => {
    const dev = await getEffectiveTagPolicy(t.db, ALL, { kind: "account", id: ACC.dev });
    expect(dev?.target).toEqual({ kind: "account", id: ACC.dev, name: "shop-dev" });
    const cc = dev?.rules.find((r) => r.key === "cost-center");
    expect(cc?.values.map((v) => [v.value, v.from.targetName, v.from.policies])).toEqual([
      ["CC-100", "Workloads", ["workloads-cost-centers"]],
      ["CC-200", "Workloads", ["workloads-cost-centers"]],
      ["CC-300", "SDLC", ["sdlc-extra-center"]],
    ]);
    expect(dev?.rules.find((r) => r.key === "environment")).toMatchObject({
      tagKey: "Environment",
      values: [
        {
          value: "dev",
          from: {
            targetKind: "account",
            targetId: ACC.dev,
            targetName: "shop-dev",
            policies: ["dev-environment"],
          },
        },
      ],
    });
    expect(
      (await getEffectiveTagPolicy(t.db, ALL, { kind: "account", id: ACC.prod }))?.rules.map(
        (r) => r.key,
      ),
    ).toEqual(["cost-center", "owner", "project"]);
  });

  it("keeps the scope: targets outside it are unknown, OUs above it unnamed, the root named", async () => {
    const scope = { ouIds: [OU.prod] };
    expect(await getEffectiveTagPolicy(t.db, scope, { kind: "ou", id: OU.sdlc })).toBeNull();
    expect(await getEffectiveTagPolicy(t.db, scope, { kind: "account", id: ACC.dev })).toBeNull();
    expect(await getEffectiveTagPolicy(t.db, scope, { kind: "ou", id: OU.workloads })).toBeNull();
    const prod = await getEffectiveTagPolicy(t.db, scope, { kind: "account", id: ACC.prod });
    expect(prod?.rules.find((r) => r.key === "cost-center")?.sources).toEqual([
      root(["required-tags"]),
      { targetKind: "ou", targetId: null, targetName: null, policies: ["workloads-cost-centers"] },
      { targetKind: "ou", targetId: OU.prod, targetName: "Prod", policies: ["prod-cost-center"] },
    ]);
  });

  it("answers null for an id that is neither an OU nor an account", async () => {
    expect(await getEffectiveTagPolicy(t.db, ALL, { kind: "ou", id: "ou-none" })).toBeNull();
    expect(
      await getEffectiveTagPolicy(t.db, ALL, { kind: "account", id: "000000000000" }),
    ).toBeNull();
  });
});

describe("an organization without tag policies", () => {
  const t = useTestDatabase(async (db, url) => {
    const snap = baselineSnapshot();
    snap.policies = snap.policies.filter((p) => p.type !== "TAG_POLICY");
    await store(db, url, snap);
  });

  it("has no rule anywhere", async () => {
    expect(await getEffectiveTagPolicy(t.db, ALL, { kind: "ou", id: OU.root })).toEqual({
      target: { kind: "root", id: OU.root, name: "Root" },
      rules: [],
      ignored: [],
    });
    expect(
      (await getEffectiveTagPolicy(t.db, ALL, { kind: "account", id: ACC.prod }))?.rules,
    ).toEqual([]);
  });
});
