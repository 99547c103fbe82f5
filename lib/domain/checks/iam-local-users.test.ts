import { describe, expect, it } from "vitest";
import { IAM_LOCAL_USERS, iamLocalUsers } from "./iam-local-users";
import { ACC, accessKey, auditOf, findingsOf, iamUser } from "@/testing/checks/fixtures";
import type { TIamUser } from "@/lib/domain/snapshot";

describe(IAM_LOCAL_USERS, () => {
  const cases: {
    name: string;
    account: string;
    users: TIamUser[];
    expected: { resource: string; severity: string }[];
  }[] = [
    { name: "no users: pass", account: ACC.prod, users: [], expected: [] },
    {
      name: "a user without password or active key: medium",
      account: ACC.prod,
      users: [iamUser(ACC.prod, "ci", { accessKeys: [accessKey(1, { active: false })] })],
      expected: [{ resource: `arn:aws:iam::${ACC.prod}:user/ci`, severity: "medium" }],
    },
    {
      name: "console password: high",
      account: ACC.dev,
      users: [iamUser(ACC.dev, "alice", { passwordEnabled: true })],
      expected: [{ resource: `arn:aws:iam::${ACC.dev}:user/alice`, severity: "high" }],
    },
    {
      name: "one finding per user, active key raises severity",
      account: ACC.dev,
      users: [iamUser(ACC.dev, "a", { accessKeys: [accessKey(1)] }), iamUser(ACC.dev, "b")],
      expected: [
        { resource: `arn:aws:iam::${ACC.dev}:user/a`, severity: "high" },
        { resource: `arn:aws:iam::${ACC.dev}:user/b`, severity: "medium" },
      ],
    },
    {
      name: "management-account user: reported separately, critical when usable",
      account: ACC.mgmt,
      users: [iamUser(ACC.mgmt, "breakglass", { passwordEnabled: true, mfaActive: true })],
      expected: [{ resource: `arn:aws:iam::${ACC.mgmt}:user/breakglass`, severity: "critical" }],
    },
  ];

  it.each(cases)("$name", ({ account, users, expected }) => {
    const findings = findingsOf(iamLocalUsers, (s) => {
      auditOf(s, account).iamUsers = users;
    });
    expect(findings.map((f) => ({ resource: f.resource, severity: f.severity }))).toEqual(expected);
    for (const f of findings) expect(f.accountId).toBe(account);
  });

  it("titles management-account users distinctly", () => {
    const [f] = findingsOf(iamLocalUsers, (s) => {
      auditOf(s, ACC.mgmt).iamUsers = [iamUser(ACC.mgmt, "root-ops")];
    });
    expect(f?.title).toMatch(/management account/);
    expect(f?.evidence.managementAccount).toBe(true);
  });

  it("ignores accounts whose audit failed (no fresh evidence)", () => {
    const findings = findingsOf(iamLocalUsers, (s) => {
      const audit = auditOf(s, ACC.dev);
      audit.status = "failed";
      audit.iamUsers = [iamUser(ACC.dev, "alice", { passwordEnabled: true })];
    });
    expect(findings).toEqual([]);
  });

  it("ignores suspended accounts", () => {
    const findings = findingsOf(iamLocalUsers, (s) => {
      auditOf(s, ACC.dev).iamUsers = [iamUser(ACC.dev, "alice")];
      const acc = s.accounts.find((a) => a.id === ACC.dev);
      if (acc) acc.status = "SUSPENDED";
    });
    expect(findings).toEqual([]);
  });
});
