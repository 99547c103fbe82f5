import { describe, expect, it } from "vitest";
import { trustedAccountIds, trustedPrincipals, trustsOutsideOrg, type TrustContext } from "./trust";

const ctx: TrustContext = {
  accountId: "111111111111",
  orgId: "o-abc",
  orgAccountIds: new Set(["111111111111", "222222222222"]),
  knownAccountIds: new Set(["999999999999"]),
  names: new Map([
    ["222222222222", "management"],
    ["999999999999", "monitoring-vendor"],
  ]),
};
const policy = (...Statement: object[]) => ({ Version: "2012-10-17", Statement });

describe("trustedPrincipals", () => {
  it("classifies AWS principals by the account they belong to", () => {
    const trusts = trustedPrincipals(
      policy({
        Effect: "Allow",
        Action: "sts:AssumeRole",
        Principal: {
          AWS: [
            "arn:aws:iam::222222222222:root",
            "111111111111",
            "arn:aws:iam::999999999999:role/vendor",
            "arn:aws:iam::333333333333:root",
          ],
        },
      }),
      ctx,
    );
    expect(trusts.map((t) => [t.accountId, t.relation, t.accountName])).toEqual([
      ["222222222222", "org", "management"],
      ["111111111111", "self", null],
      ["999999999999", "known", "monitoring-vendor"],
      ["333333333333", "outside", null],
    ]);
    expect(trustsOutsideOrg(trusts)).toBe(true);
  });

  it("lists services and identity providers, and an internal-only role is not flagged", () => {
    const trusts = trustedPrincipals(
      policy(
        { Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: "ec2.amazonaws.com" } },
        {
          Effect: "Allow",
          Action: ["sts:AssumeRoleWithSAML", "sts:TagSession"],
          Principal: { Federated: "arn:aws:iam::111111111111:saml-provider/sso" },
        },
        {
          Effect: "Allow",
          Action: "sts:AssumeRole",
          Principal: { AWS: "arn:aws:iam::222222222222:root" },
        },
      ),
      ctx,
    );
    expect(trusts.map((t) => t.kind)).toEqual(["service", "federated", "aws"]);
    expect(trustsOutsideOrg(trusts)).toBe(false);
  });

  it("flags anyone and unparseable principals, and notes guard conditions", () => {
    const trusts = trustedPrincipals(
      policy(
        {
          Effect: "Allow",
          Action: "sts:AssumeRole",
          Principal: "*",
          Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc" } },
        },
        { Effect: "Allow", Action: "sts:AssumeRole", Principal: { AWS: "AROAEXAMPLEID" } },
      ),
      ctx,
    );
    expect(trusts).toEqual([
      {
        kind: "anyone",
        principal: "*",
        accountId: null,
        relation: null,
        accountName: null,
        guarded: true,
      },
      {
        kind: "aws",
        principal: "AROAEXAMPLEID",
        accountId: null,
        relation: null,
        accountName: null,
        guarded: false,
      },
    ]);
    expect(trustsOutsideOrg(trusts)).toBe(true);
  });

  it("ignores Deny statements, other actions and malformed policies", () => {
    expect(
      trustedPrincipals(policy({ Effect: "Deny", Action: "sts:AssumeRole", Principal: "*" }), ctx),
    ).toEqual([]);
    expect(
      trustedPrincipals(policy({ Effect: "Allow", Action: "s3:GetObject", Principal: "*" }), ctx),
    ).toEqual([]);
    expect(trustedPrincipals("not a policy", ctx)).toEqual([]);
    expect(
      trustedPrincipals(
        policy({
          Effect: "Allow",
          Action: "sts:*",
          Principal: { AWS: "arn:aws:iam::222222222222:root" },
        }),
        ctx,
      ),
    ).toHaveLength(1);
  });
});

describe("trustedAccountIds", () => {
  it("collects the accounts named by AWS principals, for one lookup query", () => {
    expect(
      trustedAccountIds(
        policy(
          {
            Effect: "Allow",
            Action: "sts:AssumeRole",
            Principal: { AWS: ["arn:aws:iam::222222222222:root", "333333333333", "AROAEXAMPLEID"] },
          },
          {
            Effect: "Allow",
            Action: "sts:AssumeRole",
            Principal: { Service: "ec2.amazonaws.com" },
          },
        ),
      ),
    ).toEqual(["222222222222", "333333333333"]);
    expect(trustedAccountIds(null)).toEqual([]);
  });

  it("guards only with this organization's id, and an OIDC trust only with a pinned subject", () => {
    const github = "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com";
    const trusts = trustedPrincipals(
      policy(
        {
          Effect: "Allow",
          Action: "sts:AssumeRole",
          Principal: "*",
          Condition: { StringEquals: { "aws:PrincipalOrgID": "o-other" } },
        },
        {
          Effect: "Allow",
          Action: "sts:AssumeRoleWithWebIdentity",
          Principal: { Federated: github },
          Condition: {
            StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" },
          },
        },
        {
          Effect: "Allow",
          Action: "sts:AssumeRoleWithWebIdentity",
          Principal: { Federated: github },
          Condition: {
            StringEquals: {
              "token.actions.githubusercontent.com:sub": "repo:octo-org/app:ref:refs/heads/main",
            },
          },
        },
      ),
      ctx,
    );
    expect(trusts.map((t) => [t.kind, t.guarded])).toEqual([
      ["anyone", false],
      ["federated", false],
      ["federated", true],
    ]);
    expect(trustsOutsideOrg(trusts.slice(1, 2))).toBe(true);
    expect(trustsOutsideOrg(trusts.slice(2))).toBe(false);
  });
});
