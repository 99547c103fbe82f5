import { describe, expect, it } from "vitest";
import type { TSnapshot } from "@/lib/domain/snapshot";
import { IDENTITY_ACCOUNT_DEDICATED, identityAccountDedicated } from "./identity-account-dedicated";
import { ACC, LAST_MONTH, OU, auditOf, findingsOf } from "@/testing/checks/fixtures";

const ORG_INSTANCE = {
  instanceArn: "arn:aws:sso:::instance/ssoins-1234",
  identityStoreId: "d-1234",
};

const setAdmin = (s: TSnapshot, accountId: string) => {
  s.delegatedAdmins = [{ accountId, servicePrincipal: "sso.amazonaws.com", delegatedAt: null }];
};
const spend = (
  s: TSnapshot,
  accountId: string,
  service: string,
  amount: string,
  month = LAST_MONTH,
  estimated = false,
) => {
  s.costs.monthly.push({
    accountId,
    month,
    service,
    unblended: amount,
    amortized: amount,
    net: amount,
    estimated,
  });
};

describe(IDENTITY_ACCOUNT_DEDICATED, () => {
  const cases: {
    name: string;
    mutate: (s: TSnapshot) => void;
    expected: { accountId: string | null; severity: string } | null;
  }[] = [
    { name: "dedicated account in Infrastructure: pass", mutate: () => undefined, expected: null },
    {
      name: "dedicated account in Security: pass",
      mutate: (s) => setAdmin(s, ACC.security),
      expected: null,
    },
    {
      name: "no delegated admin (only other services delegated): medium",
      mutate: (s) => {
        auditOf(s, ACC.mgmt).identityCenterInstances = [ORG_INSTANCE];
        s.delegatedAdmins = [
          {
            accountId: ACC.security,
            servicePrincipal: "securityhub.amazonaws.com",
            delegatedAt: null,
          },
        ];
      },
      expected: { accountId: null, severity: "medium" },
    },
    {
      name: "the management account: high",
      mutate: (s) => setAdmin(s, ACC.mgmt),
      expected: { accountId: ACC.mgmt, severity: "high" },
    },
    {
      name: "an account in Workloads/Prod: medium",
      mutate: (s) => setAdmin(s, ACC.prod),
      expected: { accountId: ACC.prod, severity: "medium" },
    },
    {
      name: "runs workloads (EC2 spend last month): medium",
      mutate: (s) => spend(s, ACC.identity, "Amazon Elastic Compute Cloud - Compute", "250.00"),
      expected: { accountId: ACC.identity, severity: "medium" },
    },
    {
      name: "small supporting spend (S3, VPC, Lambda) under the threshold: pass",
      mutate: (s) => {
        spend(s, ACC.identity, "Amazon Simple Storage Service", "7.52");
        spend(s, ACC.identity, "Amazon Virtual Private Cloud", "15.44");
        spend(s, ACC.identity, "AWS Lambda", "3.09");
      },
      expected: null,
    },
    {
      name: "identity and security services only: pass",
      mutate: (s) => {
        spend(s, ACC.identity, "AWS IAM Identity Center", "300.00");
        spend(s, ACC.identity, "AWS Key Management Service", "40.00");
      },
      expected: null,
    },
    {
      name: "workload spend only in the open (estimated) month: pass",
      mutate: (s) =>
        spend(s, ACC.identity, "Amazon Relational Database Service", "800.00", "2026-03-01", true),
      expected: null,
    },
  ];

  it.each(cases)("$name", ({ mutate, expected }) => {
    const findings = findingsOf(identityAccountDedicated, mutate);
    expect(findings.map((f) => ({ accountId: f.accountId, severity: f.severity }))).toEqual(
      expected ? [expected] : [],
    );
  });

  it("reports an OU outside Security/Infrastructure in the evidence", () => {
    const [f] = findingsOf(identityAccountDedicated, (s) => {
      const acc = s.accounts.find((a) => a.id === ACC.identity);
      if (acc) acc.parentId = OU.sandbox;
    });
    expect(f?.evidence.ouPath).toBe("Root/Sandbox");
  });
});

describe(`${IDENTITY_ACCOUNT_DEDICATED} without Identity Center`, () => {
  type TProvider = { arn: string; type: "SAML" | "OIDC"; name: string };
  const saml = (accountId: string, name = "okta"): TProvider => ({
    arn: `arn:aws:iam::${accountId}:saml-provider/${name}`,
    type: "SAML",
    name,
  });
  const oidc = (accountId: string, name: string): TProvider => ({
    arn: `arn:aws:iam::${accountId}:oidc-provider/${name}`,
    type: "OIDC",
    name,
  });
  const withProviders = (providers: TProvider[]) => (s: TSnapshot) => {
    s.delegatedAdmins = [];
    for (const a of s.audits)
      a.identityProviders = providers.filter((p) => p.arn.includes(`::${a.accountId}:`));
  };
  const cases: {
    name: string;
    mutate: (s: TSnapshot) => void;
    expected: { severity: string; message: RegExp } | null;
  }[] = [
    {
      name: "look-alike: SAML federation in a dedicated identity account (Infrastructure OU): pass",
      mutate: withProviders([saml(ACC.identity)]),
      expected: null,
    },
    {
      name: "look-alike: workforce OIDC (Okta) in the identity account: pass",
      mutate: withProviders([oidc(ACC.identity, "acme.okta.com")]),
      expected: null,
    },
    {
      name: "only a GitHub Actions OIDC provider in a workload account is no identity account: high",
      mutate: withProviders([
        oidc(ACC.prod, "token.actions.githubusercontent.com"),
        saml(ACC.prod, "AWSSSO_0123456789abcdef_DO_NOT_DELETE"),
      ]),
      expected: {
        severity: "high",
        message: /no IAM Identity Center instance and no SAML or OIDC identity provider/,
      },
    },
    {
      name: "SAML federation into the management account: high",
      mutate: withProviders([saml(ACC.mgmt)]),
      expected: { severity: "high", message: /management account/ },
    },
    {
      name: "SAML federation in a workload account: medium",
      mutate: withProviders([saml(ACC.prod)]),
      expected: { severity: "medium", message: /shop-prod/ },
    },
    {
      name: "SAML federation spread over accounts: medium",
      mutate: withProviders([saml(ACC.identity), saml(ACC.dev)]),
      expected: { severity: "medium", message: /2 accounts/ },
    },
    {
      name: "identity providers not collected: says only that no instance was found, never 'the management account'",
      mutate: (s) => {
        s.delegatedAdmins = [];
      },
      expected: {
        severity: "medium",
        message:
          /^(?!.*administered from the management account).*No IAM Identity Center organization instance was found/,
      },
    },
  ];
  it.each(cases)("$name", ({ mutate, expected }) => {
    const findings = findingsOf(identityAccountDedicated, mutate);
    if (!expected) return expect(findings).toEqual([]);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.severity).toBe(expected.severity);
    expect(findings[0]?.message).toMatch(expected.message);
  });
});
