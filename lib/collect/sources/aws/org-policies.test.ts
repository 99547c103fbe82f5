// Tag policies as the collector reads them, then evaluated. Organizations is mocked in process here:
// moto 5.1 answers CreatePolicy with Type TAG_POLICY with NotImplementedError (HTTP 500).
import {
  DescribePolicyCommand,
  ListCreateAccountStatusCommand,
  ListDelegatedAdministratorsCommand,
  ListPoliciesCommand,
  ListTargetsForPolicyCommand,
  OrganizationsClient,
  type ListPoliciesCommandInput,
} from "@aws-sdk/client-organizations";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, describe, expect, it } from "vitest";
import { tagPolicy } from "@/lib/domain/checks/tag-policy";
import { ACC, baselineSnapshot, checkContext, OU, settings } from "@/testing/checks/fixtures";
import { effectiveTagPolicy } from "@/lib/domain/org/effective-tag-policy";
import { RunNotes } from "./notes";
import { readOrgPolicies } from "./org-policies";

const orgs = mockClient(OrganizationsClient);
afterEach(() => orgs.reset());

const enforced = (key: string) => ({
  tag_key: { "@@assign": key },
  enforced_for: { "@@assign": ["ec2:instance"] },
});
const POLICIES: Record<
  string,
  { name: string; content: object; target: string; type: "ROOT" | "ORGANIZATIONAL_UNIT" }
> = {
  "p-root": {
    name: "required-tags",
    content: {
      tags: {
        owner: enforced("owner"),
        project: enforced("project"),
        "cost-center": enforced("cost-center"),
      },
    },
    target: OU.root,
    type: "ROOT",
  },
  "p-sbx": {
    name: "sandbox-relief",
    content: { tags: { "cost-center": { enforced_for: { "@@remove": ["ec2:instance"] } } } },
    target: OU.sandbox,
    type: "ORGANIZATIONAL_UNIT",
  },
};

function organization() {
  const client = new OrganizationsClient({ region: "us-east-1" });
  orgs.on(ListPoliciesCommand).callsFake((input: ListPoliciesCommandInput) => ({
    Policies:
      input.Filter === "TAG_POLICY"
        ? Object.entries(POLICIES).map(([Id, p]) => ({ Id, Name: p.name, Type: "TAG_POLICY" }))
        : [],
  }));
  for (const [id, p] of Object.entries(POLICIES)) {
    orgs
      .on(DescribePolicyCommand, { PolicyId: id })
      .resolves({ Policy: { Content: JSON.stringify(p.content) } });
    orgs
      .on(ListTargetsForPolicyCommand, { PolicyId: id })
      .resolves({ Targets: [{ TargetId: p.target, Type: p.type }] });
  }
  orgs.on(ListDelegatedAdministratorsCommand).resolves({ DelegatedAdministrators: [] });
  orgs.on(ListCreateAccountStatusCommand).resolves({ CreateAccountStatuses: [] });
  return client;
}

describe("tag policies read by the collector", () => {
  it("reads each tag policy's content and targets", async () => {
    const { policies } = await readOrgPolicies(organization(), ACC.mgmt, 2, new RunNotes());
    expect(policies.map((p) => [p.id, p.type, p.targets.map((t) => t.targetId)])).toEqual([
      ["p-root", "TAG_POLICY", [OU.root]],
      ["p-sbx", "TAG_POLICY", [OU.sandbox]],
    ]);
  });

  it("flags the OU whose own policy stops requiring cost-center, not the OUs inheriting the root's (look-alike)", async () => {
    const { policies } = await readOrgPolicies(organization(), ACC.mgmt, 2, new RunNotes());
    const snap = baselineSnapshot();
    snap.policies = [...snap.policies.filter((p) => p.type !== "TAG_POLICY"), ...policies];
    const findings = tagPolicy.run(snap, settings, checkContext()).filter((f) => f.ouId !== null);
    expect(findings.map((f) => [f.ouId, f.evidence.unenforcedKeys])).toEqual([
      [OU.sandbox, ["cost-center"]],
    ]);
    const prod = effectiveTagPolicy(snap, [OU.root, OU.workloads, OU.prod]);
    expect(prod.rules.map((r) => [r.tagKey, r.enforcedFor, r.sources])).toEqual([
      ["cost-center", ["ec2:instance"], ["required-tags"]],
      ["owner", ["ec2:instance"], ["required-tags"]],
      ["project", ["ec2:instance"], ["required-tags"]],
    ]);
  });
});
