import { describe, expect, it } from "vitest";
import type { TPolicy } from "@/lib/domain/snapshot";
import { effectiveTagPolicy, tagPolicyGaps } from "./effective-tag-policy";

const policy = (id: string, targetId: string, tags: Record<string, unknown>): TPolicy => ({
  id,
  type: "TAG_POLICY",
  name: id,
  description: "",
  awsManaged: false,
  content: JSON.stringify({ tags }),
  targets: [{ targetId, targetType: targetId.startsWith("r-") ? "ROOT" : "ORGANIZATIONAL_UNIT" }],
});

const root = policy("p-1", "r-1", {
  CostCenter: {
    tag_key: { "@@assign": "CostCenter" },
    tag_value: { "@@assign": ["100", "200"] },
    enforced_for: {
      "@@assign": ["ec2:instance"],
      "@@operators_allowed_for_child_policies": ["@@append"],
    },
  },
});

describe("effective tag policy", () => {
  it("inherits the parent's rules unchanged into a child without policies of its own", () => {
    const eff = effectiveTagPolicy({ policies: [root] }, ["r-1", "ou-a", "ou-b"]);
    expect(eff.rules).toEqual([
      {
        key: "costcenter",
        tagKey: "CostCenter",
        values: ["100", "200"],
        enforcedFor: ["ec2:instance"],
        reportRequiredFor: [],
        sources: ["p-1"],
      },
    ]);
  });

  it("applies a child's @@append and @@remove where the parent allows them, and ignores a forbidden operator", () => {
    const child = policy("p-2", "ou-a", {
      costcenter: {
        tag_value: { "@@append": ["300"] },
        enforced_for: { "@@remove": ["ec2:instance"] },
      },
    });
    const eff = effectiveTagPolicy({ policies: [root, child] }, ["r-1", "ou-a"]);
    expect(eff.rules[0]).toMatchObject({
      values: ["100", "200", "300"],
      enforcedFor: ["ec2:instance"],
    });
    expect(eff.ignored).toEqual(["p-2: costcenter.enforced_for @@remove"]);
  });

  it("lets a child @@assign over a parent that does not limit it, and takes bare values as @@assign", () => {
    const child = policy("p-2", "ou-a", {
      costcenter: { tag_value: ["999"] },
      owner: { tag_key: "Owner", enforced_for: { "@@assign": ["s3:bucket"] } },
    });
    const eff = effectiveTagPolicy({ policies: [root, child] }, ["r-1", "ou-a"]);
    expect(eff.rules.map((r) => [r.tagKey, r.values, r.enforcedFor])).toEqual([
      ["CostCenter", ["999"], ["ec2:instance"]],
      ["Owner", [], ["s3:bucket"]],
    ]);
  });

  it("names required keys the policy leaves undefined or unenforced, matching keys case-insensitively", () => {
    const eff = effectiveTagPolicy(
      { policies: [root, policy("p-3", "r-1", { owner: { tag_key: { "@@assign": "owner" } } })] },
      ["r-1"],
    );
    expect(tagPolicyGaps(eff, ["costcenter", "owner", "project"])).toEqual({
      undefinedKeys: ["project"],
      unenforcedKeys: ["owner"],
    });
  });

  it("ignores other policy types and documents it cannot parse", () => {
    const scp: TPolicy = { ...root, id: "p-scp", type: "SERVICE_CONTROL_POLICY" };
    const broken: TPolicy = { ...root, id: "p-x", content: "{not json" };
    expect(effectiveTagPolicy({ policies: [scp, broken] }, ["r-1"]).rules).toEqual([]);
  });
});
