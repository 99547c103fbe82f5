import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "@/lib/domain/settings";
import type { TRootUser } from "@/lib/domain/snapshot";
import { IAM_ROOT_USER, iamRootUser } from "./iam-root-user";
import { ACC, auditOf, baselineSnapshot, checkContext } from "@/testing/checks/fixtures";

const safeRoot = (accountId: string, over: Partial<TRootUser> = {}): TRootUser => ({
  arn: `arn:aws:iam::${accountId}:root`,
  mfaActive: true,
  passwordLastUsed: "2025-06-01T00:00:00.000Z",
  accessKeys: [],
  ...over,
});
const key = (
  over: Partial<TRootUser["accessKeys"][number]> = {},
): TRootUser["accessKeys"][number] => ({
  keyId: null,
  slot: 1,
  active: true,
  lastRotated: "2019-01-01T00:00:00.000Z",
  lastUsed: null,
  ...over,
});

function run(root: TRootUser | null, accountId: string = ACC.prod, settings = DEFAULT_SETTINGS) {
  const snap = baselineSnapshot();
  for (const a of snap.audits) a.rootUser = safeRoot(a.accountId);
  auditOf(snap, accountId).rootUser = root;
  return iamRootUser.run(snap, settings, checkContext());
}

describe(IAM_ROOT_USER, () => {
  // The fixture is collected 2026-03-15.
  const cases: {
    name: string;
    root: TRootUser | null;
    severity: string | null;
    problems?: RegExp;
  }[] = [
    {
      name: "look-alike: MFA on, no keys, last used long ago",
      root: safeRoot(ACC.prod),
      severity: null,
    },
    {
      name: "look-alike: never used, MFA on, an inactive key left over",
      root: safeRoot(ACC.prod, { passwordLastUsed: null, accessKeys: [key({ active: false })] }),
      severity: null,
    },
    {
      name: "an active root access key, even unused",
      root: safeRoot(ACC.prod, { accessKeys: [key()] }),
      severity: "critical",
      problems: /active access key/,
    },
    {
      name: "MFA off",
      root: safeRoot(ACC.prod, { mfaActive: false }),
      severity: "high",
      problems: /MFA/,
    },
    {
      name: "signed in with the password 3 days ago",
      root: safeRoot(ACC.prod, { passwordLastUsed: "2026-03-12T10:00:00.000Z" }),
      severity: "medium",
      problems: /used .*2026-03-12/,
    },
    {
      name: "a root key used 10 days ago",
      root: safeRoot(ACC.prod, { accessKeys: [key({ lastUsed: "2026-03-05T00:00:00.000Z" })] }),
      severity: "critical",
      problems: /used .*2026-03-05/,
    },
    {
      name: "no credential report row (not collected): nothing claimed",
      root: null,
      severity: null,
    },
  ];
  it.each(cases)("$name", ({ root, severity, problems }) => {
    const findings = run(root);
    if (severity === null) return expect(findings).toEqual([]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      checkId: IAM_ROOT_USER,
      accountId: ACC.prod,
      resource: `arn:aws:iam::${ACC.prod}:root`,
      severity,
    });
    expect(findings[0]?.message).toMatch(problems ?? /./);
    expect(findings[0]?.evidence).toMatchObject({
      mfaActive: root?.mfaActive,
      passwordLastUsed: root?.passwordLastUsed,
    });
  });

  it("reports every problem of one root user in one finding, at the worst severity", () => {
    const findings = run(
      safeRoot(ACC.mgmt, {
        mfaActive: false,
        accessKeys: [key({ lastUsed: "2026-03-14T00:00:00.000Z" })],
      }),
      ACC.mgmt,
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]?.severity).toBe("critical");
    expect(findings[0]?.evidence.problems).toHaveLength(3);
  });

  it("the recent-use window is a setting", () => {
    const root = safeRoot(ACC.prod, { passwordLastUsed: "2026-01-20T00:00:00.000Z" });
    expect(run(root)).toEqual([]);
    expect(run(root, ACC.prod, { ...DEFAULT_SETTINGS, rootRecentUseDays: 90 })).toHaveLength(1);
  });
});
