import { describe, expect, it } from "vitest";
import type { TPolicy, TSnapshot } from "@/lib/domain/snapshot";
import { GUARDRAIL_SCP_BASELINE, guardrailScpBaseline } from "./guardrail-scp-baseline";
import { DEFAULT_SETTINGS } from "@/lib/domain/settings";
import {
  ACC,
  BASELINE_SCP,
  FULL_ACCESS_SCP,
  OU,
  baselineSnapshot,
  checkContext,
  findingsOf,
} from "@/testing/checks/fixtures";

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
const full = (targets: TTarget[]): TPolicy => ({
  ...scp("FullAWSAccess", {}, targets),
  content: FULL_ACCESS_SCP,
});
const baseline = (targets: TTarget[]): TPolicy => ({
  ...scp("baseline", {}, targets),
  content: BASELINE_SCP,
});
const denyLeave = (targets: TTarget[]) =>
  scp(
    "deny-leave",
    { Effect: "Deny", Action: "organizations:LeaveOrganization", Resource: "*" },
    targets,
  );
const allOus = [OU.security, OU.infra, OU.workloads, OU.sandbox, OU.suspended].map(ou);

const setPolicies = (policies: TPolicy[]) => (s: TSnapshot) => {
  s.policies = policies;
};

describe(GUARDRAIL_SCP_BASELINE, () => {
  const cases: {
    name: string;
    mutate: (s: TSnapshot) => void;
    expected: { ouId: string | null; accountId: string | null; missing: string[] }[];
  }[] = [
    {
      name: "baseline inherited from Root by every OU and account: pass",
      mutate: () => undefined,
      expected: [],
    },
    {
      name: "baseline on every first-level OU instead of Root: pass",
      mutate: setPolicies([full([root]), baseline(allOus)]),
      expected: [],
    },
    {
      name: "baseline on every OU but SDLC: reported at SDLC, not at Root or Workloads",
      mutate: setPolicies([
        full([root]),
        baseline([OU.security, OU.infra, OU.prod, OU.sandbox].map(ou)),
      ]),
      expected: [
        {
          ouId: OU.sdlc,
          accountId: null,
          missing: ["iam:CreateUser", "iam:CreateAccessKey", "organizations:LeaveOrganization"],
        },
      ],
    },
    {
      name: "only leaving the organization is missing",
      mutate: setPolicies([
        full([root]),
        scp(
          "no-users",
          { Effect: "Deny", Action: ["iam:CreateUser", "iam:CreateAccessKey"], Resource: "*" },
          [root],
        ),
      ]),
      expected: [OU.security, OU.infra, OU.prod, OU.sdlc].map((id) => ({
        ouId: id,
        accountId: null,
        missing: ["organizations:LeaveOrganization"],
      })),
    },
    {
      name: "wildcard deny iam:* plus deny-leave at Root: pass",
      mutate: setPolicies([
        full([root]),
        scp("no-iam", { Effect: "Deny", Action: "iam:*", Resource: "*" }, [root]),
        denyLeave([root]),
      ]),
      expected: [],
    },
    {
      name: "deny iam:Create* counts as denying iam:CreateUser and iam:CreateAccessKey",
      mutate: setPolicies([
        full([root]),
        scp("no-create", [{ Effect: "Deny", Action: ["iam:Create*"], Resource: "*" }], [root]),
        denyLeave([root]),
      ]),
      expected: [],
    },
    {
      name: "NotAction deny (deny everything but read-only) counts",
      mutate: setPolicies([
        full([root]),
        scp(
          "read-only",
          { Effect: "Deny", NotAction: ["s3:Get*", "ec2:Describe*"], Resource: "*" },
          [root],
        ),
      ]),
      expected: [],
    },
    {
      name: "allow-list SCP without iam or organizations at an OU denies them implicitly",
      mutate: (s) => {
        setPolicies([
          full([root]),
          baseline([OU.security, OU.infra, OU.prod].map(ou)),
          scp("sandbox-allow", { Effect: "Allow", Action: ["ec2:*", "s3:*"], Resource: "*" }, [
            ou(OU.sandbox),
          ]),
        ])(s);
        for (const a of s.accounts) if (a.id === ACC.dev) a.parentId = OU.sandbox;
      },
      expected: [],
    },
    {
      name: "an account-level SCP protects an account sitting in an unprotected OU",
      mutate: setPolicies([
        full([root]),
        baseline([
          ou(OU.security),
          ou(OU.infra),
          ou(OU.prod),
          { targetId: ACC.dev, targetType: "ACCOUNT" },
        ]),
      ]),
      expected: [],
    },
    {
      name: "a deny on an unrelated action does not count",
      mutate: setPolicies([
        full([root]),
        scp("no-regions", { Effect: "Deny", Action: "ec2:RunInstances", Resource: "*" }, [root]),
      ]),
      expected: [OU.security, OU.infra, OU.prod, OU.sdlc].map((id) => ({
        ouId: id,
        accountId: null,
        missing: ["iam:CreateUser", "iam:CreateAccessKey", "organizations:LeaveOrganization"],
      })),
    },
  ];

  it.each(cases)("$name", ({ mutate, expected }) => {
    const findings = findingsOf(guardrailScpBaseline, mutate);
    const got = findings.map((f) => ({
      ouId: f.ouId,
      accountId: f.accountId,
      missing: f.evidence.missingDenies,
    }));
    expect(got.toSorted((a, b) => String(a.ouId).localeCompare(String(b.ouId)))).toEqual(
      expected.toSorted((a, b) => String(a.ouId).localeCompare(String(b.ouId))),
    );
  });

  it("does not judge the management account (SCPs do not apply to it)", () => {
    const findings = findingsOf(guardrailScpBaseline, (s) => {
      s.policies = [full([root]), baseline(allOus)];
    });
    expect(findings.filter((f) => f.ouId === OU.root)).toEqual([]);
  });
});

describe(`${GUARDRAIL_SCP_BASELINE}: conditional denies are partial guardrails`, () => {
  const runWith = (policies: TPolicy[], over: Partial<typeof DEFAULT_SETTINGS> = {}) => {
    const snap = baselineSnapshot();
    snap.policies = policies;
    return guardrailScpBaseline.run(snap, { ...DEFAULT_SETTINGS, ...over }, checkContext());
  };
  const baselineWith = (condition: Record<string, unknown>) =>
    scp(
      "baseline-conditional",
      {
        Effect: "Deny",
        Action: ["iam:CreateUser", "iam:CreateAccessKey", "organizations:LeaveOrganization"],
        Resource: "*",
        Condition: condition,
      },
      [root],
    );
  const firstLevel = [OU.security, OU.infra, OU.prod, OU.sdlc];

  const cases: { name: string; condition: Record<string, unknown>; severity: string }[] = [
    {
      name: "a region condition",
      condition: { StringEquals: { "aws:RequestedRegion": ["eu-west-1"] } },
      severity: "medium",
    },
    {
      name: "an MFA condition",
      condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } },
      severity: "medium",
    },
    {
      name: "a break-glass principal exclusion",
      condition: { ArnNotLike: { "aws:PrincipalArn": ["arn:aws:iam::*:role/break-glass"] } },
      severity: "low",
    },
  ];
  it.each(cases)(
    "a deny with $name is reported as partial, with the condition, below a missing deny",
    ({ condition, severity }) => {
      const findings = runWith([full([root]), baselineWith(condition)]);
      expect(findings.map((f) => f.ouId).toSorted()).toEqual(firstLevel.toSorted());
      for (const f of findings) {
        expect(f.severity).toBe(severity);
        expect(f.title).toMatch(/partial/i);
        expect(f.evidence.missingDenies).toEqual([]);
        expect(f.evidence.partialDenies).toEqual(
          ["iam:CreateUser", "iam:CreateAccessKey", "organizations:LeaveOrganization"].map(
            (action) => ({
              action,
              policies: [{ policy: "baseline-conditional", condition, resources: ["*"] }],
            }),
          ),
        );
      }
    },
  );

  it("look-alike: the same deny without a condition is a full guardrail", () => {
    expect(
      runWith([
        full([root]),
        scp(
          "baseline-unconditional",
          {
            Effect: "Deny",
            Action: ["iam:CreateUser", "iam:CreateAccessKey", "organizations:LeaveOrganization"],
            Resource: "*",
          },
          [root],
        ),
      ]),
    ).toEqual([]);
  });

  it("a conditional deny next to an unconditional one for the same action is full", () => {
    expect(
      runWith([
        full([root]),
        baseline([root]),
        baselineWith({ StringEquals: { "aws:RequestedRegion": ["eu-west-1"] } }),
      ]),
    ).toEqual([]);
  });

  it("a deny limited to some resources is partial", () => {
    const findings = runWith([
      full([root]),
      denyLeave([root]),
      scp(
        "admins-only",
        {
          Effect: "Deny",
          Action: ["iam:CreateUser", "iam:CreateAccessKey"],
          Resource: "arn:aws:iam::*:user/admin*",
        },
        [root],
      ),
    ]);
    expect(findings).toHaveLength(4);
    expect(findings[0]?.evidence.partialDenies).toMatchObject([
      {
        action: "iam:CreateUser",
        policies: [{ policy: "admins-only", resources: ["arn:aws:iam::*:user/admin*"] }],
      },
      { action: "iam:CreateAccessKey" },
    ]);
  });

  it("one action missing and another partial: high, both listed", () => {
    const findings = runWith([
      full([root]),
      scp(
        "users-in-region",
        {
          Effect: "Deny",
          Action: ["iam:CreateUser", "iam:CreateAccessKey"],
          Resource: "*",
          Condition: { StringEquals: { "aws:RequestedRegion": "us-east-1" } },
        },
        [root],
      ),
    ]);
    expect(findings).toHaveLength(4);
    expect(findings.every((f) => f.severity === "high")).toBe(true);
    expect(findings[0]?.evidence.missingDenies).toEqual(["organizations:LeaveOrganization"]);
    expect(findings[0]?.evidence.partialDenies).toMatchObject([
      { action: "iam:CreateUser" },
      { action: "iam:CreateAccessKey" },
    ]);
  });

  it("the denied actions are a setting", () => {
    const onlyLeave = [full([root]), denyLeave([root])];
    expect(
      runWith(onlyLeave, { scpBaselineDeniedActions: ["organizations:LeaveOrganization"] }),
    ).toEqual([]);
    const withEbs = runWith([full([root]), baseline([root])], {
      scpBaselineDeniedActions: [
        ...DEFAULT_SETTINGS.scpBaselineDeniedActions,
        "ec2:DisableEbsEncryptionByDefault",
      ],
    });
    expect(withEbs.map((f) => f.evidence.missingDenies)).toEqual(
      firstLevel.map(() => ["ec2:DisableEbsEncryptionByDefault"]),
    );
  });
});
