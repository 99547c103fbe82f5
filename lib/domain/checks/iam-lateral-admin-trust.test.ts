import { describe, expect, it } from "vitest";
import type { TIamRole, TPolicyDocument, TSnapshot } from "@/lib/domain/snapshot";
import { IAM_LATERAL_ADMIN_TRUST, iamLateralAdminTrust } from "./iam-lateral-admin-trust";
import { ACC, ORG_ID, auditOf, findingsOf, iamRole } from "@/testing/checks/fixtures";

const ADMIN = { attachedPolicyArns: ["arn:aws:iam::aws:policy/AdministratorAccess"] };
const READ_ONLY = { attachedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"] };
const trust = (
  Principal: unknown,
  Condition?: Record<string, Record<string, unknown>>,
): TPolicyDocument => ({
  Statement: [
    { Effect: "Allow", Principal, Action: "sts:AssumeRole", ...(Condition ? { Condition } : {}) },
  ],
});
const root = (id: string) => ({ AWS: `arn:aws:iam::${id}:root` });

describe(IAM_LATERAL_ADMIN_TRUST, () => {
  const cases: {
    name: string;
    in?: string;
    doc: TPolicyDocument;
    over: Partial<TIamRole>;
    mutate?: (s: TSnapshot) => void;
    flagged: boolean;
  }[] = [
    {
      name: "dev account into a prod AdministratorAccess role",
      doc: trust(root(ACC.dev)),
      over: ADMIN,
      flagged: true,
    },
    {
      name: "a dev role ARN into a prod admin role",
      doc: trust({ AWS: `arn:aws:iam::${ACC.dev}:role/ci` }),
      over: ADMIN,
      flagged: true,
    },
    {
      name: "a customer managed policy allowing * on *",
      doc: trust(root(ACC.dev)),
      over: {
        attachedPolicyArns: [`arn:aws:iam::${ACC.prod}:policy/everything`],
        managedPolicies: [
          {
            arn: `arn:aws:iam::${ACC.prod}:policy/everything`,
            document: { Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] },
          },
        ],
      },
      flagged: true,
    },
    {
      name: "anyone in this organization (PrincipalOrgID), dev included",
      doc: trust("*", { StringEquals: { "aws:PrincipalOrgID": ORG_ID } }),
      over: ADMIN,
      flagged: true,
    },
    {
      name: "a sandbox account (by its environment tag)",
      doc: trust(root(ACC.dev)),
      over: ADMIN,
      mutate: (s) =>
        s.accounts.forEach((a) =>
          a.id === ACC.dev ? (a.tags.environment = "sandbox") : undefined,
        ),
      flagged: true,
    },
    {
      name: "an untagged account in the SDLC OU (environment from the OU)",
      doc: trust(root(ACC.dev)),
      over: ADMIN,
      mutate: (s) =>
        s.accounts.forEach((a) => (a.id === ACC.dev ? delete a.tags.environment : undefined)),
      flagged: true,
    },
    {
      name: "look-alike: prod into a prod admin role",
      doc: trust(root(ACC.security)),
      over: ADMIN,
      flagged: false,
    },
    {
      name: "look-alike: dev into a prod read-only role",
      doc: trust(root(ACC.dev)),
      over: READ_ONLY,
      flagged: false,
    },
    {
      name: "look-alike: anyone in the organization, but only the security account by PrincipalAccount",
      doc: trust("*", { StringEquals: { "aws:PrincipalAccount": ACC.security } }),
      over: ADMIN,
      flagged: false,
    },
    {
      name: "look-alike: prod into a dev admin role (upwards is not lateral into prod)",
      in: ACC.dev,
      doc: trust(root(ACC.prod)),
      over: ADMIN,
      flagged: false,
    },
    {
      name: "look-alike: dev into a dev admin role",
      in: ACC.dev,
      doc: trust(root(ACC.dev)),
      over: ADMIN,
      flagged: false,
    },
  ];
  it.each(cases)(
    "$name: flagged $flagged",
    ({ in: where = ACC.prod, doc, over, mutate, flagged }) => {
      const findings = findingsOf(iamLateralAdminTrust, (s) => {
        mutate?.(s);
        auditOf(s, where).roles = [iamRole(where, "admin", doc, over)];
      });
      expect(findings.map((f) => [f.accountId, f.resource, f.severity])).toEqual(
        flagged ? [[where, `arn:aws:iam::${where}:role/admin`, "high"]] : [],
      );
      if (flagged)
        expect(findings[0]?.evidence.lowerEnvironmentAccounts).toMatchObject([{ id: ACC.dev }]);
    },
  );
});
