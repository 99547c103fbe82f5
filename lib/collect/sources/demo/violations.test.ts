// Minimal reference versions of the governance checks, run against demo snapshots of several
// sizes and seeds: each must find exactly the planted DEMO_VIOLATIONS and nothing else, which
// proves the planted items exist and the rest of the demo is clean.
import { describe, expect, it } from "vitest";
import { ZSnapshot, type TSnapshot } from "@/lib/domain/snapshot";
import { DEMO_VIOLATIONS, generateDemoSnapshot, MIN_ACCOUNTS } from "./index";

type Finding = { accountId: string | null; resource: string };
const DAY = 86_400_000;
const CHECKS_WITH_PLANTS = [
  "IAM_LOCAL_USERS",
  "IAM_LONG_LIVED_KEYS",
  "IAM_STALE_USERS",
  "IAM_ROOT_USER",
  "ORG_ACCOUNT_AT_ROOT",
  "MGMT_ACCOUNT_WORKLOADS",
  "IAM_CROSS_ACCOUNT_TRUST",
  "IAM_LATERAL_ADMIN_TRUST",
  "ENV_SEGREGATION",
  "LOG_ARCHIVE_ACCOUNT",
  "GUARDRAIL_SCP_BASELINE",
  "TAG_POLICY",
  "BUDGET_VARIANCE",
  "SECURITYHUB_COVERAGE",
  "ORG_ACCOUNT_OUTSIDE",
  "ACCOUNT_BASELINE",
];

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null
    ? Object.fromEntries(Object.entries(value))
    : {};
}

function referenceChecks(s: TSnapshot): Record<string, Finding[]> {
  const now = Date.parse(s.collectedAt);
  const age = (t: string | null) => (t === null ? Infinity : (now - Date.parse(t)) / DAY);
  const mgmt = s.organization.managementAccountId;
  const root = s.orgUnits.find((u) => u.parentId === null)?.id;
  const ouId = (name: string) =>
    s.orgUnits.find((u) => u.name === name && (u.parentId === root || name === "Prod"))?.id;
  const logArchive = s.accounts.find((a) => a.name === "log-archive")?.id;
  const orgIds = new Set(s.accounts.map((a) => a.id));
  const audited = s.audits.filter((a) => a.status === "audited");
  const users = audited
    .filter((a) => a.accountId !== mgmt)
    .flatMap((a) => a.iamUsers.map((u) => ({ accountId: a.accountId, u })));
  const closed = s.costs.months.slice(0, -1);
  const total = (rows: { unblended: string }[]) =>
    rows.reduce((sum, r) => sum + Number(r.unblended), 0);
  const denies = (content: string, action: string) =>
    asArray(record(JSON.parse(content)).Statement).some(
      (st) => record(st).Effect === "Deny" && asArray(record(st).Action).includes(action),
    );
  const iamDeny = s.policies.filter(
    (p) => p.type === "SERVICE_CONTROL_POLICY" && denies(p.content, "iam:CreateUser"),
  );
  const iamDenyTargets = new Set(iamDeny.flatMap((p) => p.targets.map((t) => t.targetId)));
  const env = new Map<string, Map<string, number>>();
  for (const r of s.costs.byTag) {
    if (r.tagKey !== "environment") continue;
    const values = env.get(r.accountId) ?? new Map<string, number>();
    values.set(r.tagValue, (values.get(r.tagValue) ?? 0) + Number(r.unblended));
    env.set(r.accountId, values);
  }
  const sso = s.delegatedAdmins.find((d) => d.servicePrincipal === "sso.amazonaws.com")?.accountId;

  return {
    IAM_LOCAL_USERS: users.map(({ accountId, u }) => ({ accountId, resource: u.arn })),
    IAM_LONG_LIVED_KEYS: users.flatMap(({ accountId, u }) =>
      u.accessKeys
        .filter((k) => k.active && age(k.lastRotated) > 90)
        .map((k) => ({ accountId, resource: k.keyId ?? "" })),
    ),
    IAM_STALE_USERS: users
      .filter(
        ({ u }) =>
          age(u.createdAt) > 120 &&
          age(u.passwordLastUsed) > 120 &&
          u.accessKeys.every((k) => age(k.lastUsed) > 120),
      )
      .map(({ accountId, u }) => ({ accountId, resource: u.arn })),
    IAM_ROOT_USER: audited
      .filter(
        (a) =>
          a.rootUser &&
          (!a.rootUser.mfaActive ||
            a.rootUser.accessKeys.some((k) => k.active) ||
            [a.rootUser.passwordLastUsed, ...a.rootUser.accessKeys.map((k) => k.lastUsed)].some(
              (t) => age(t) <= 30,
            )),
      )
      .map((a) => ({ accountId: a.accountId, resource: a.rootUser?.arn ?? "" })),
    ORG_ACCOUNT_AT_ROOT: s.accounts
      .filter((a) => a.parentId === root && a.id !== mgmt)
      .map((a) => ({ accountId: a.id, resource: a.id })),
    MGMT_ACCOUNT_WORKLOADS: closed.every((month) => {
      const rows = s.costs.monthly.filter((r) => r.accountId === mgmt && r.month === month);
      return total(rows.filter((r) => /Compute Cloud|Relational Database/.test(r.service))) > 1000;
    })
      ? [{ accountId: mgmt, resource: mgmt }]
      : [],
    IAM_CROSS_ACCOUNT_TRUST: audited.flatMap((a) =>
      a.roles
        .filter((role) =>
          asArray(role.trustPolicy.Statement).some((raw) => {
            const st = record(raw);
            const principals = asArray(record(st.Principal).AWS).map(String);
            const outside = principals.some((p) => !orgIds.has(/(\d{12})/.exec(p)?.[1] ?? ""));
            const conditionKeys = Object.values(record(st.Condition)).flatMap((c) =>
              Object.keys(record(c)),
            );
            const oidc = asArray(record(st.Principal).Federated)
              .map(String)
              .some((p) => p.includes(":oidc-provider/"));
            return (
              st.Effect === "Allow" &&
              ((outside &&
                !conditionKeys.some((k) => k === "sts:ExternalId" || k === "aws:PrincipalOrgID")) ||
                (oidc && !conditionKeys.some((k) => k.endsWith(":sub"))))
            );
          }),
        )
        .map((role) => ({ accountId: a.accountId, resource: role.arn })),
    ),
    IAM_LATERAL_ADMIN_TRUST: audited
      .filter((a) => s.accounts.find((x) => x.id === a.accountId)?.tags.environment === "prod")
      .flatMap((a) =>
        a.roles
          .filter((role) =>
            role.attachedPolicyArns.some((p) => p.endsWith(":policy/AdministratorAccess")),
          )
          .filter((role) =>
            asArray(role.trustPolicy.Statement).some((raw) =>
              asArray(record(record(raw).Principal).AWS)
                .map((p) => /(\d{12})/.exec(String(p))?.[1])
                .some((id) =>
                  /^(dev|test|sandbox)/.test(
                    s.accounts.find((x) => x.id === id)?.tags.environment ?? "",
                  ),
                ),
            ),
          )
          .map((role) => ({ accountId: a.accountId, resource: role.arn })),
      ),
    ENV_SEGREGATION: [...env]
      .filter(([, values]) => {
        const sum = [...values.values()].reduce((x, y) => x + y, 0);
        return [...values].filter(([v, amount]) => v !== "" && amount > sum * 0.1).length > 1;
      })
      .map(([accountId]) => ({ accountId, resource: accountId })),
    LOG_ARCHIVE_ACCOUNT: audited.flatMap((a) =>
      a.trails
        .filter((t) => {
          const bucket = s.buckets.find((b) => b.name === t.s3BucketName);
          return !bucket || bucket.ownerAccountId !== logArchive || !bucket.objectLockEnabled;
        })
        .map((t) => ({ accountId: a.accountId, resource: t.arn })),
    ),
    GUARDRAIL_SCP_BASELINE: [
      ...(root !== undefined && iamDenyTargets.has(root)
        ? []
        : s.orgUnits.filter((u) => u.parentId === root && !iamDenyTargets.has(u.id))),
    ].map((u) => ({ accountId: null, resource: u.id })),
    TAG_POLICY: [
      ...s.accounts
        .filter((a) => ["owner", "project", "cost-center"].some((k) => !(k in a.tags)))
        .map((a) => ({ accountId: a.id, resource: a.id })),
      // A child tag policy taking enforcement away from what the root's policy requires.
      ...s.policies
        .filter((p) => p.type === "TAG_POLICY" && p.content.includes("@@remove"))
        .flatMap((p) => p.targets.map((t) => ({ accountId: null, resource: t.targetId }))),
    ],
    ACCOUNT_BASELINE: audited
      .filter((a) =>
        a.baseline.some(
          (c) =>
            c.status === "off" &&
            !(
              c.control === "guardduty" &&
              s.guardDutyOrganization.some((g) => g.region === c.region && g.autoEnable === "ALL")
            ),
        ),
      )
      .map((a) => ({ accountId: a.accountId, resource: "" })),
    BUDGET_VARIANCE: audited.flatMap((a) =>
      a.budgets
        .filter((b) => Number(b.forecast) > Number(b.limit))
        .map((b) => ({ accountId: a.accountId, resource: b.name })),
    ),
    SECURITYHUB_COVERAGE: audited
      .filter((a) => !a.securityHub?.enabled || a.securityHub.findings.critical > 0)
      .map((a) => ({ accountId: a.accountId, resource: a.accountId })),
    ORG_ACCOUNT_OUTSIDE: s.accounts
      .filter((a) => (a.status === "SUSPENDED") !== (a.parentId === ouId("Suspended")))
      .map((a) => ({ accountId: a.id, resource: a.id })),
    LOG_ORG_TRAIL: audited
      .filter((a) => a.accountId === mgmt)
      .filter(
        (a) =>
          !a.trails.some(
            (t) =>
              t.isOrganizationTrail && t.isMultiRegion && t.isLogging && t.includesManagementEvents,
          ),
      )
      .map((a) => ({ accountId: a.accountId, resource: a.accountId })),
    IDENTITY_ACCOUNT_DEDICATED: s.delegatedAdmins
      .filter((d) => d.accountId === sso && d.servicePrincipal !== "sso.amazonaws.com")
      .map((d) => ({ accountId: d.accountId, resource: d.servicePrincipal }))
      .concat(
        s.costs.monthly
          .filter(
            (r) =>
              r.accountId === sso &&
              /Compute Cloud|Relational Database|Kubernetes|Container Service/.test(r.service),
          )
          .map((r) => ({ accountId: r.accountId, resource: r.service })),
      ),
  };
}

const key = (f: Finding) => `${f.accountId ?? "-"} ${f.resource}`;

describe("DEMO_VIOLATIONS", () => {
  it("lists at least one violation for every check with a planted failure", () => {
    for (const checkId of CHECKS_WITH_PLANTS)
      expect(DEMO_VIOLATIONS.some((v) => v.checkId === checkId)).toBe(true);
    expect(new Set(DEMO_VIOLATIONS.map((v) => `${v.checkId} ${v.resource}`)).size).toBe(
      DEMO_VIOLATIONS.length,
    );
  });

  const cases = [
    { accounts: 60, seed: 42, months: 14 },
    { accounts: MIN_ACCOUNTS, seed: 1, months: 14 },
    { accounts: 320, seed: 9, months: 4 },
  ];
  it.each(cases)(
    "are exactly what reference checks find ($accounts accounts, seed $seed)",
    (opts) => {
      const s = ZSnapshot.parse(
        generateDemoSnapshot({ ...opts, now: new Date("2025-02-03T08:00:00Z") }),
      );
      const findings = referenceChecks(s);
      for (const [checkId, found] of Object.entries(findings)) {
        const planted = DEMO_VIOLATIONS.filter((v) => v.checkId === checkId);
        expect(found.map(key).sort(), checkId).toEqual(planted.map(key).sort());
      }
    },
  );
});
