import { describe, expect, it } from "vitest";
import type { TSnapshot } from "@/lib/domain/snapshot";
import { tagPolicy } from "./tag-policy";
import { findingsOf, OU } from "@/testing/checks/fixtures";

const ouFindings = (mutate: (snap: TSnapshot) => void) =>
  findingsOf(tagPolicy, mutate).filter((f) => f.ouId !== null);

function removeEnforcement(targetId: string, key: string) {
  return (snap: TSnapshot) => {
    snap.policies.push({
      id: "p-child",
      type: "TAG_POLICY",
      name: "sandbox-relief",
      description: "",
      awsManaged: false,
      content: JSON.stringify({
        tags: { [key]: { enforced_for: { "@@remove": ["ec2:instance", "s3:bucket"] } } },
      }),
      targets: [{ targetId, targetType: "ORGANIZATIONAL_UNIT" }],
    });
  };
}

describe("TAG_POLICY on the organization's tag policies", () => {
  it("does not flag OUs that inherit a compliant policy from the root (look-alike)", () => {
    expect(ouFindings(() => undefined)).toEqual([]);
  });

  it("flags the OU whose own policy removes the enforcement of a required key, not its children", () => {
    const found = ouFindings(removeEnforcement(OU.workloads, "cost-center"));
    expect(found.map((f) => [f.ouId, f.resource])).toEqual([[OU.workloads, OU.workloads]]);
    expect(found[0]?.evidence).toMatchObject({
      undefinedKeys: [],
      unenforcedKeys: ["cost-center"],
    });
  });

  it("flags only the root when no tag policy requires the keys anywhere", () => {
    const found = ouFindings((snap) => {
      snap.policies = snap.policies.filter((p) => p.type !== "TAG_POLICY");
    });
    expect(found).toMatchObject([
      { ouId: OU.root, evidence: { undefinedKeys: ["owner", "project", "cost-center"] } },
    ]);
  });
});
