import { describe, expect, it } from "vitest";
import type { TPolicyDocument } from "@/lib/domain/snapshot";
import { IAM_CROSS_ACCOUNT_TRUST, iamCrossAccountTrust } from "./iam-cross-account-trust";
import { decodePolicyDocument } from "./policy-grammar";
import {
  ACC,
  EXTERNAL_ACCOUNT,
  ORG_ID,
  auditOf,
  findingsOf,
  iamRole,
} from "@/testing/checks/fixtures";
import type { TIamRole } from "@/lib/domain/snapshot";

const allow = (
  Principal: unknown,
  Condition?: Record<string, Record<string, unknown>>,
): TPolicyDocument => ({
  Version: "2012-10-17",
  Statement: [
    { Effect: "Allow", Principal, Action: "sts:AssumeRole", ...(Condition ? { Condition } : {}) },
  ],
});

describe(IAM_CROSS_ACCOUNT_TRUST, () => {
  const cases: {
    name: string;
    trust: TPolicyDocument;
    over?: Partial<TIamRole>;
    expected: string | null;
  }[] = [
    {
      name: "trust inside the organization (root ARN): pass",
      trust: allow({ AWS: `arn:aws:iam::${ACC.security}:root` }),
      expected: null,
    },
    {
      name: "trust inside the organization (bare id): pass",
      trust: allow({ AWS: ACC.identity }),
      expected: null,
    },
    {
      name: "service principal: pass",
      trust: allow({ Service: "ec2.amazonaws.com" }),
      expected: null,
    },
    {
      name: "federated principal: pass",
      trust: allow({ Federated: `arn:aws:iam::${ACC.dev}:saml-provider/okta` }),
      expected: null,
    },
    {
      name: "external account, no condition: high",
      trust: allow({ AWS: `arn:aws:iam::${EXTERNAL_ACCOUNT}:root` }),
      expected: "high",
    },
    {
      name: "external bare id in a list: high",
      trust: allow({ AWS: [ACC.security, EXTERNAL_ACCOUNT] }),
      expected: "high",
    },
    {
      name: "external role ARN: high",
      trust: allow({ AWS: `arn:aws:iam::${EXTERNAL_ACCOUNT}:role/vendor` }),
      expected: "high",
    },
    {
      name: "external account with sts:ExternalId: pass",
      trust: allow({ AWS: EXTERNAL_ACCOUNT }, { StringEquals: { "sts:ExternalId": "f00" } }),
      expected: null,
    },
    {
      name: "condition key case-insensitive: pass",
      trust: allow({ AWS: EXTERNAL_ACCOUNT }, { StringEquals: { "STS:EXTERNALID": "f00" } }),
      expected: null,
    },
    {
      name: "principal * with aws:PrincipalOrgID: pass",
      trust: allow("*", { StringEquals: { "aws:PrincipalOrgID": ORG_ID } }),
      expected: null,
    },
    {
      name: "principal {AWS: *} with ForAnyValue:StringLike PrincipalOrgPaths: pass",
      trust: allow(
        { AWS: "*" },
        { "ForAnyValue:StringLike": { "aws:PrincipalOrgPaths": [`${ORG_ID}/r-root/*`] } },
      ),
      expected: null,
    },
    { name: "principal * without condition: critical", trust: allow("*"), expected: "critical" },
    {
      name: "principal * with a wildcard-valued PrincipalOrgID: critical",
      trust: allow("*", { StringLike: { "aws:PrincipalOrgID": "*" } }),
      expected: "critical",
    },
    {
      name: "external with AdministratorAccess: critical",
      trust: allow({ AWS: EXTERNAL_ACCOUNT }),
      over: { attachedPolicyArns: ["arn:aws:iam::aws:policy/AdministratorAccess"] },
      expected: "critical",
    },
    {
      name: "external with inline Allow * on *: critical",
      trust: allow({ AWS: EXTERNAL_ACCOUNT }),
      over: {
        inlinePolicies: [
          { name: "all", document: { Statement: { Effect: "Allow", Action: "*", Resource: "*" } } },
        ],
      },
      expected: "critical",
    },
    {
      name: "a Deny statement is not a trust: pass",
      trust: { Statement: { Effect: "Deny", Principal: "*", Action: "sts:AssumeRole" } },
      expected: null,
    },
    {
      name: "statement as an object, action wildcard sts:*: high",
      trust: {
        Statement: { Effect: "Allow", Principal: { AWS: EXTERNAL_ACCOUNT }, Action: "sts:*" },
      },
      expected: "high",
    },
  ];

  it.each(cases)("$name", ({ trust, over, expected }) => {
    const findings = findingsOf(iamCrossAccountTrust, (s) => {
      auditOf(s, ACC.prod).roles = [iamRole(ACC.prod, "vendor-access", trust, over)];
    });
    expect(findings.map((f) => f.severity)).toEqual(expected ? [expected] : []);
    for (const f of findings)
      expect(f.resource).toBe(`arn:aws:iam::${ACC.prod}:role/vendor-access`);
  });

  it("flags a role whose URL-encoded trust document (as IAM returns it) trusts an outside account", () => {
    const encoded = encodeURIComponent(
      JSON.stringify(allow({ AWS: `arn:aws:iam::${EXTERNAL_ACCOUNT}:root` })),
    );
    expect(encoded.startsWith("%7B")).toBe(true);
    const findings = findingsOf(iamCrossAccountTrust, (s) => {
      auditOf(s, ACC.prod).roles = [
        iamRole(ACC.prod, "vendor-access", decodePolicyDocument(encoded)),
      ];
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.evidence.principals).toEqual([`arn:aws:iam::${EXTERNAL_ACCOUNT}:root`]);
  });
});

describe(`${IAM_CROSS_ACCOUNT_TRUST}: which conditions guard`, () => {
  const anyone = (Condition: Record<string, Record<string, unknown>>) => allow("*", Condition);
  const web = (
    Federated: string,
    Condition?: Record<string, Record<string, unknown>>,
  ): TPolicyDocument => ({
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { Federated },
        Action: "sts:AssumeRoleWithWebIdentity",
        ...(Condition ? { Condition } : {}),
      },
    ],
  });
  const GITHUB = `arn:aws:iam::${ACC.prod}:oidc-provider/token.actions.githubusercontent.com`;
  const EKS = `arn:aws:iam::${ACC.prod}:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABCDEF0123`;
  const aud = { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" };
  const cases: { name: string; trust: TPolicyDocument; expected: string | null }[] = [
    {
      name: "PrincipalOrgID of another organization: critical",
      trust: anyone({ StringEquals: { "aws:PrincipalOrgID": "o-someoneelse" } }),
      expected: "critical",
    },
    {
      name: "PrincipalOrgID of this organization, StringEqualsIfExists: critical",
      trust: anyone({ StringEqualsIfExists: { "aws:PrincipalOrgID": ORG_ID } }),
      expected: "critical",
    },
    {
      name: "PrincipalOrgPaths of another organization: critical",
      trust: anyone({
        "ForAnyValue:StringLike": { "aws:PrincipalOrgPaths": ["o-someoneelse/r-ab12/*"] },
      }),
      expected: "critical",
    },
    {
      name: "look-alike: PrincipalAccount limited to a member account: pass",
      trust: anyone({ StringEquals: { "aws:PrincipalAccount": [ACC.security] } }),
      expected: null,
    },
    {
      name: "PrincipalAccount naming an outside account: critical",
      trust: anyone({ StringEquals: { "aws:PrincipalAccount": [ACC.security, EXTERNAL_ACCOUNT] } }),
      expected: "critical",
    },
    {
      name: "look-alike: SourceAccount limited to a member account: pass",
      trust: anyone({ StringEquals: { "aws:SourceAccount": ACC.security } }),
      expected: null,
    },
    {
      name: "look-alike: PrincipalArn limited to a member account's role: pass",
      trust: anyone({
        ArnLike: { "aws:PrincipalArn": `arn:aws:iam::${ACC.security}:role/auditor*` },
      }),
      expected: null,
    },
    {
      name: "PrincipalArn with a wildcard account: critical",
      trust: anyone({ ArnLike: { "aws:PrincipalArn": "arn:aws:iam::*:role/auditor" } }),
      expected: "critical",
    },
    {
      name: "PrincipalArn with ArnLikeIfExists: critical",
      trust: anyone({
        ArnLikeIfExists: { "aws:PrincipalArn": `arn:aws:iam::${ACC.security}:role/auditor` },
      }),
      expected: "critical",
    },
    {
      name: "external account, sts:ExternalId with StringEqualsIfExists: high",
      trust: allow(
        { AWS: EXTERNAL_ACCOUNT },
        { StringEqualsIfExists: { "sts:ExternalId": "f00" } },
      ),
      expected: "high",
    },
    {
      name: "look-alike: a policy-wide Deny of callers outside this organization: pass",
      trust: {
        Statement: [
          { Effect: "Allow", Principal: "*", Action: "sts:AssumeRole" },
          {
            Effect: "Deny",
            Principal: "*",
            Action: "sts:AssumeRole",
            Condition: { StringNotEquals: { "aws:PrincipalOrgID": ORG_ID } },
          },
        ],
      },
      expected: null,
    },
    {
      name: "GitHub Actions OIDC without any condition: critical",
      trust: web(GITHUB),
      expected: "critical",
    },
    {
      name: "GitHub Actions OIDC with an aud condition only: critical",
      trust: web(GITHUB, { StringEquals: aud }),
      expected: "critical",
    },
    {
      name: "GitHub Actions OIDC with sub repo:*: critical",
      trust: web(GITHUB, {
        StringEquals: aud,
        StringLike: { "token.actions.githubusercontent.com:sub": "repo:*" },
      }),
      expected: "critical",
    },
    {
      name: "GitHub Actions OIDC with sub repo:octo* (an owner prefix anyone can register): critical",
      trust: web(GITHUB, {
        StringLike: { "token.actions.githubusercontent.com:sub": "repo:octo*" },
      }),
      expected: "critical",
    },
    {
      name: "GitHub Actions OIDC with a StringLikeIfExists sub: critical",
      trust: web(GITHUB, {
        StringLikeIfExists: { "token.actions.githubusercontent.com:sub": "repo:octo-org/app:*" },
      }),
      expected: "critical",
    },
    {
      name: "look-alike: GitHub Actions OIDC with sub pinned to a repository and branch: pass",
      trust: web(GITHUB, {
        StringEquals: {
          ...aud,
          "token.actions.githubusercontent.com:sub": "repo:octo-org/app:ref:refs/heads/main",
        },
      }),
      expected: null,
    },
    {
      name: "look-alike: GitHub Actions OIDC with sub pinned to an owner: pass",
      trust: web(GITHUB, {
        StringEquals: aud,
        StringLike: { "token.actions.githubusercontent.com:sub": "repo:octo-org/*" },
      }),
      expected: null,
    },
    {
      name: "an EKS cluster's OIDC issuer without sub: high (any pod of that cluster)",
      trust: web(EKS),
      expected: "high",
    },
    {
      name: "look-alike: EKS OIDC with a service-account sub: pass",
      trust: web(EKS, {
        StringEquals: {
          "oidc.eks.eu-west-1.amazonaws.com/id/ABCDEF0123:sub": "system:serviceaccount:shop:api",
        },
      }),
      expected: null,
    },
    {
      name: "Cognito identity pools without aud: critical",
      trust: web("cognito-identity.amazonaws.com"),
      expected: "critical",
    },
    {
      name: "look-alike: Cognito with the identity pool as aud: pass",
      trust: web("cognito-identity.amazonaws.com", {
        StringEquals: { "cognito-identity.amazonaws.com:aud": "eu-west-1:1111-2222" },
      }),
      expected: null,
    },
    {
      name: "look-alike: SAML trust of the account's own provider: pass",
      trust: {
        Statement: {
          Effect: "Allow",
          Principal: { Federated: `arn:aws:iam::${ACC.prod}:saml-provider/okta` },
          Action: "sts:AssumeRoleWithSAML",
          Condition: { StringEquals: { "SAML:aud": "https://signin.aws.amazon.com/saml" } },
        },
      },
      expected: null,
    },
    {
      name: "SAML trust of a provider outside the organization: high",
      trust: {
        Statement: {
          Effect: "Allow",
          Principal: { Federated: `arn:aws:iam::${EXTERNAL_ACCOUNT}:saml-provider/okta` },
          Action: "sts:AssumeRoleWithSAML",
        },
      },
      expected: "high",
    },
    {
      name: "anyone through AssumeRoleWithWebIdentity without conditions: critical",
      trust: {
        Statement: { Effect: "Allow", Principal: "*", Action: "sts:AssumeRoleWithWebIdentity" },
      },
      expected: "critical",
    },
  ];
  it.each(cases)("$name", ({ trust, expected }) => {
    const findings = findingsOf(iamCrossAccountTrust, (s) => {
      auditOf(s, ACC.prod).roles = [iamRole(ACC.prod, "deploy", trust)];
    });
    expect(findings.map((f) => f.severity)).toEqual(expected ? [expected] : []);
  });

  it("names the issuer and why in the evidence of an open OIDC trust", () => {
    const findings = findingsOf(iamCrossAccountTrust, (s) => {
      auditOf(s, ACC.prod).roles = [
        iamRole(ACC.prod, "deploy", web(GITHUB, { StringEquals: aud })),
      ];
    });
    expect(findings[0]?.evidence.webIdentity).toEqual([
      {
        principal: GITHUB,
        issuer: "token.actions.githubusercontent.com",
        reason: expect.stringMatching(
          /no token.actions.githubusercontent.com:sub condition/,
        ) as unknown,
      },
    ]);
  });
});
