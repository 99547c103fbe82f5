import { describe, expect, it } from "vitest";
import type { TPolicyDocument } from "@/lib/domain/snapshot";
import { IAM_CROSS_ACCOUNT_TRUST, iamCrossAccountTrust } from "./iam-cross-account-trust";
import { decodePolicyDocument } from "./policy-grammar";
import { ACC, EXTERNAL_ACCOUNT, ORG_ID, auditOf, findingsOf, iamRole } from "./test-fixtures";
import type { TIamRole } from "@/lib/domain/snapshot";

const allow = (Principal: unknown, Condition?: Record<string, Record<string, unknown>>): TPolicyDocument => ({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal, Action: "sts:AssumeRole", ...(Condition ? { Condition } : {}) }],
});

describe(IAM_CROSS_ACCOUNT_TRUST, () => {
  const cases: { name: string; trust: TPolicyDocument; over?: Partial<TIamRole>; expected: string | null }[] = [
    { name: "trust inside the organization (root ARN): pass", trust: allow({ AWS: `arn:aws:iam::${ACC.security}:root` }), expected: null },
    { name: "trust inside the organization (bare id): pass", trust: allow({ AWS: ACC.identity }), expected: null },
    { name: "service principal: pass", trust: allow({ Service: "ec2.amazonaws.com" }), expected: null },
    { name: "federated principal: pass", trust: allow({ Federated: `arn:aws:iam::${ACC.dev}:saml-provider/okta` }), expected: null },
    { name: "external account, no condition: high", trust: allow({ AWS: `arn:aws:iam::${EXTERNAL_ACCOUNT}:root` }), expected: "high" },
    { name: "external bare id in a list: high", trust: allow({ AWS: [ACC.security, EXTERNAL_ACCOUNT] }), expected: "high" },
    { name: "external role ARN: high", trust: allow({ AWS: `arn:aws:iam::${EXTERNAL_ACCOUNT}:role/vendor` }), expected: "high" },
    { name: "external account with sts:ExternalId: pass", trust: allow({ AWS: EXTERNAL_ACCOUNT }, { StringEquals: { "sts:ExternalId": "f00" } }), expected: null },
    { name: "condition key case-insensitive: pass", trust: allow({ AWS: EXTERNAL_ACCOUNT }, { StringEquals: { "STS:EXTERNALID": "f00" } }), expected: null },
    { name: "principal * with aws:PrincipalOrgID: pass", trust: allow("*", { StringEquals: { "aws:PrincipalOrgID": ORG_ID } }), expected: null },
    { name: "principal {AWS: *} with ForAnyValue:StringLike PrincipalOrgPaths: pass", trust: allow({ AWS: "*" }, { "ForAnyValue:StringLike": { "aws:PrincipalOrgPaths": [`${ORG_ID}/r-root/*`] } }), expected: null },
    { name: "principal * without condition: critical", trust: allow("*"), expected: "critical" },
    { name: "principal * with a wildcard-valued PrincipalOrgID: critical", trust: allow("*", { StringLike: { "aws:PrincipalOrgID": "*" } }), expected: "critical" },
    { name: "external with AdministratorAccess: critical", trust: allow({ AWS: EXTERNAL_ACCOUNT }), over: { attachedPolicyArns: ["arn:aws:iam::aws:policy/AdministratorAccess"] }, expected: "critical" },
    {
      name: "external with inline Allow * on *: critical",
      trust: allow({ AWS: EXTERNAL_ACCOUNT }),
      over: { inlinePolicies: [{ name: "all", document: { Statement: { Effect: "Allow", Action: "*", Resource: "*" } } }] },
      expected: "critical",
    },
    { name: "a Deny statement is not a trust: pass", trust: { Statement: { Effect: "Deny", Principal: "*", Action: "sts:AssumeRole" } }, expected: null },
    { name: "statement as an object, action wildcard sts:*: high", trust: { Statement: { Effect: "Allow", Principal: { AWS: EXTERNAL_ACCOUNT }, Action: "sts:*" } }, expected: "high" },
  ];

  it.each(cases)("$name", ({ trust, over, expected }) => {
    const findings = findingsOf(iamCrossAccountTrust, (s) => {
      auditOf(s, ACC.prod).roles = [iamRole(ACC.prod, "vendor-access", trust, over)];
    });
    expect(findings.map((f) => f.severity)).toEqual(expected ? [expected] : []);
    for (const f of findings) expect(f.resource).toBe(`arn:aws:iam::${ACC.prod}:role/vendor-access`);
  });

  it("flags a role whose URL-encoded trust document (as IAM returns it) trusts an outside account", () => {
    const encoded = encodeURIComponent(JSON.stringify(allow({ AWS: `arn:aws:iam::${EXTERNAL_ACCOUNT}:root` })));
    expect(encoded.startsWith("%7B")).toBe(true);
    const findings = findingsOf(iamCrossAccountTrust, (s) => {
      auditOf(s, ACC.prod).roles = [iamRole(ACC.prod, "vendor-access", decodePolicyDocument(encoded))];
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.evidence.principals).toEqual([`arn:aws:iam::${EXTERNAL_ACCOUNT}:root`]);
  });
});
