import { describe, expect, it } from "vitest";
import type { TPolicy, TSnapshot } from "@/lib/domain/snapshot";
import { GUARDRAIL_SCP_BASELINE, guardrailScpBaseline } from "./guardrail-scp-baseline";
import { ACC, BASELINE_SCP, FULL_ACCESS_SCP, OU, findingsOf } from "./test-fixtures";

type TTarget = TPolicy["targets"][number];
const root: TTarget = { targetId: OU.root, targetType: "ROOT" };
const ou = (id: string): TTarget => ({ targetId: id, targetType: "ORGANIZATIONAL_UNIT" });

const scp = (name: string, statement: unknown, targets: TTarget[]): TPolicy => ({
  id: `p-${name}`,
  type: "SERVICE_CONTROL_POLICY",
  name,
  description: "",
  awsManaged: false,
  content: JSON.stringify({ Version: "2012-10-17", Statement: statement }),
  targets,
});
const full = (targets: TTarget[]): TPolicy => ({ ...scp("FullAWSAccess", {}, targets), content: FULL_ACCESS_SCP });
const baseline = (targets: TTarget[]): TPolicy => ({ ...scp("baseline", {}, targets), content: BASELINE_SCP });
const denyLeave = (targets: TTarget[]) => scp("deny-leave", { Effect: "Deny", Action: "organizations:LeaveOrganization", Resource: "*" }, targets);
const allOus = [OU.security, OU.infra, OU.workloads, OU.sandbox, OU.suspended].map(ou);

const setPolicies = (policies: TPolicy[]) => (s: TSnapshot) => {
  s.policies = policies;
};

describe(GUARDRAIL_SCP_BASELINE, () => {
  const cases: { name: string; mutate: (s: TSnapshot) => void; expected: { ouId: string | null; accountId: string | null; missing: string[] }[] }[] = [
    { name: "baseline inherited from Root by every OU and account: pass", mutate: () => undefined, expected: [] },
    { name: "baseline on every first-level OU instead of Root: pass", mutate: setPolicies([full([root]), baseline(allOus)]), expected: [] },
    {
      name: "baseline on every OU but SDLC: reported at SDLC, not at Root or Workloads",
      mutate: setPolicies([full([root]), baseline([OU.security, OU.infra, OU.prod, OU.sandbox].map(ou))]),
      expected: [{ ouId: OU.sdlc, accountId: null, missing: ["iam:CreateUser", "iam:CreateAccessKey", "organizations:LeaveOrganization"] }],
    },
    {
      name: "only leaving the organization is missing",
      mutate: setPolicies([full([root]), scp("no-users", { Effect: "Deny", Action: ["iam:CreateUser", "iam:CreateAccessKey"], Resource: "*" }, [root])]),
      expected: [OU.security, OU.infra, OU.prod, OU.sdlc].map((id) => ({ ouId: id, accountId: null, missing: ["organizations:LeaveOrganization"] })),
    },
    {
      name: "wildcard deny iam:* plus deny-leave at Root: pass",
      mutate: setPolicies([full([root]), scp("no-iam", { Effect: "Deny", Action: "iam:*", Resource: "*" }, [root]), denyLeave([root])]),
      expected: [],
    },
    {
      name: "deny iam:Create* counts as denying iam:CreateUser and iam:CreateAccessKey",
      mutate: setPolicies([full([root]), scp("no-create", [{ Effect: "Deny", Action: ["iam:Create*"], Resource: "*" }], [root]), denyLeave([root])]),
      expected: [],
    },
    {
      name: "NotAction deny (deny everything but read-only) counts",
      mutate: setPolicies([full([root]), scp("read-only", { Effect: "Deny", NotAction: ["s3:Get*", "ec2:Describe*"], Resource: "*" }, [root])]),
      expected: [],
    },
    {
      name: "allow-list SCP without iam or organizations at an OU denies them implicitly",
      mutate: (s) => {
        setPolicies([full([root]), baseline([OU.security, OU.infra, OU.prod].map(ou)), scp("sandbox-allow", { Effect: "Allow", Action: ["ec2:*", "s3:*"], Resource: "*" }, [ou(OU.sandbox)])])(s);
        for (const a of s.accounts) if (a.id === ACC.dev) a.parentId = OU.sandbox;
      },
      expected: [],
    },
    {
      name: "an account-level SCP protects an account sitting in an unprotected OU",
      mutate: setPolicies([
        full([root]),
        baseline([ou(OU.security), ou(OU.infra), ou(OU.prod), { targetId: ACC.dev, targetType: "ACCOUNT" }]),
      ]),
      expected: [],
    },
    {
      name: "a deny on an unrelated action does not count",
      mutate: setPolicies([full([root]), scp("no-regions", { Effect: "Deny", Action: "ec2:RunInstances", Resource: "*" }, [root])]),
      expected: [OU.security, OU.infra, OU.prod, OU.sdlc].map((id) => ({
        ouId: id,
        accountId: null,
        missing: ["iam:CreateUser", "iam:CreateAccessKey", "organizations:LeaveOrganization"],
      })),
    },
  ];

  it.each(cases)("$name", ({ mutate, expected }) => {
    const findings = findingsOf(guardrailScpBaseline, mutate);
    const got = findings.map((f) => ({ ouId: f.ouId, accountId: f.accountId, missing: f.evidence.missingDenies }));
    expect(got.toSorted((a, b) => String(a.ouId).localeCompare(String(b.ouId)))).toEqual(expected.toSorted((a, b) => String(a.ouId).localeCompare(String(b.ouId))));
  });

  it("does not judge the management account (SCPs do not apply to it)", () => {
    const findings = findingsOf(guardrailScpBaseline, (s) => {
      s.policies = [full([root]), baseline(allOus)];
    });
    expect(findings.filter((f) => f.ouId === OU.root)).toEqual([]);
  });
});
