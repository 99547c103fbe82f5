// IAM and SCP cases for the identity-and-access checks, added to the moto organization of moto-org.ts:
// each violation beside a look-alike that must not be flagged.
import {
  AttachRolePolicyCommand,
  CreateOpenIDConnectProviderCommand,
  CreateSAMLProviderCommand,
  CreatePolicyCommand as CreateIamPolicyCommand,
  CreateRoleCommand,
  type IAMClient,
} from "@aws-sdk/client-iam";
import {
  AttachPolicyCommand,
  CreatePolicyCommand,
  DescribeOrganizationCommand,
  OrganizationsClient,
} from "@aws-sdk/client-organizations";
import { awsConfig, iamIn, type MotoOrg } from "./moto-org";

const doc = (statement: unknown) => JSON.stringify({ Version: "2012-10-17", Statement: statement });

export interface IamCases {
  scps: { conditionalBaseline: string; fullBaseline: string };
  /** Roles in prod-app, by name: flagged by the check named, or look-alikes (null). */
  roles: Record<string, "IAM_CROSS_ACCOUNT_TRUST" | "IAM_LATERAL_ADMIN_TRUST" | null>;
}

async function attachScp(
  orgs: OrganizationsClient,
  name: string,
  content: string,
  targetId: string,
): Promise<string> {
  const { Policy } = await orgs.send(
    new CreatePolicyCommand({
      Name: name,
      Description: name,
      Type: "SERVICE_CONTROL_POLICY",
      Content: content,
    }),
  );
  const id = Policy?.PolicySummary?.Id ?? "";
  await orgs.send(new AttachPolicyCommand({ PolicyId: id, TargetId: targetId }));
  return id;
}

/**
 * SCPs: Workloads denies IAM users and keys only outside one region (partial, on top of moto-org's
 * unconditional deny-leave); Security denies all three without condition (the look-alike: full).
 * Sandbox and the stray account at Root have no baseline at all.
 */
async function addScps(endpoint: string, org: MotoOrg): Promise<IamCases["scps"]> {
  const orgs = new OrganizationsClient(awsConfig(endpoint));
  const conditionalBaseline = await attachScp(
    orgs,
    "deny-iam-users-outside-eu",
    doc([
      {
        Effect: "Deny",
        Action: ["iam:CreateUser", "iam:CreateAccessKey"],
        Resource: "*",
        Condition: { StringNotEquals: { "aws:RequestedRegion": "eu-west-1" } },
      },
    ]),
    org.ous.workloads,
  );
  const fullBaseline = await attachScp(
    orgs,
    "baseline-guardrails",
    doc([
      {
        Effect: "Deny",
        Action: ["iam:CreateUser", "iam:CreateAccessKey", "organizations:LeaveOrganization"],
        Resource: "*",
      },
    ]),
    org.ous.security,
  );
  orgs.destroy();
  return { conditionalBaseline, fullBaseline };
}

async function role(
  iam: IAMClient,
  name: string,
  statement: unknown,
  policyArns: string[] = [],
): Promise<void> {
  await iam.send(
    new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: doc(statement) }),
  );
  for (const PolicyArn of policyArns)
    await iam.send(new AttachRolePolicyCommand({ RoleName: name, PolicyArn }));
}

/** Trust cases in prod-app (environment=prod): OIDC, organization conditions, lower environments into admin roles. */
async function addRoles(endpoint: string, org: MotoOrg): Promise<IamCases["roles"]> {
  const orgs = new OrganizationsClient(awsConfig(endpoint));
  const orgId = (await orgs.send(new DescribeOrganizationCommand({}))).Organization?.Id ?? "";
  orgs.destroy();
  const prod = org.accounts.prodApp;
  const iam = await iamIn(endpoint, prod);
  const { OpenIDConnectProviderArn: github = "" } = await iam.send(
    new CreateOpenIDConnectProviderCommand({
      Url: "https://token.actions.githubusercontent.com",
      ClientIDList: ["sts.amazonaws.com"],
      ThumbprintList: ["6938fd4d98bab03faadb97b34396831e3780aea1"],
    }),
  );
  const { Policy } = await iam.send(
    new CreateIamPolicyCommand({
      PolicyName: "everything",
      PolicyDocument: doc([{ Effect: "Allow", Action: "*", Resource: "*" }]),
    }),
  );
  const everything = Policy?.Arn ?? "";
  const admin = "arn:aws:iam::aws:policy/AdministratorAccess";
  const readOnly = "arn:aws:iam::aws:policy/ReadOnlyAccess";
  const oidc = (condition: Record<string, string>) => ({
    Effect: "Allow",
    Principal: { Federated: github },
    Action: "sts:AssumeRoleWithWebIdentity",
    Condition: { StringEquals: condition },
  });
  const aud = { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" };
  const anyoneIn = (id: string) => ({
    Effect: "Allow",
    Principal: { AWS: "*" },
    Action: "sts:AssumeRole",
    Condition: { StringEquals: { "aws:PrincipalOrgID": id } },
  });
  const from = (accountId: string) => ({
    Effect: "Allow",
    Principal: { AWS: `arn:aws:iam::${accountId}:root` },
    Action: "sts:AssumeRole",
  });

  await role(iam, "github-deploy", [oidc(aud)], [readOnly]);
  await role(
    iam,
    "github-release",
    [
      oidc({
        ...aud,
        "token.actions.githubusercontent.com:sub": "repo:acme/shop:ref:refs/heads/main",
      }),
    ],
    [readOnly],
  );
  await role(iam, "other-org-reader", [anyoneIn("o-notthisorg1")], [readOnly]);
  await role(iam, "org-reader", [anyoneIn(orgId)], [readOnly]);
  await role(iam, "sandbox-admin", [from(org.accounts.sandbox)], [admin]);
  await role(iam, "sandbox-everything", [from(org.accounts.sandbox)], [everything]);
  await role(iam, "sandbox-reader", [from(org.accounts.sandbox)], [readOnly]);
  await role(iam, "log-archive-admin", [from(org.accounts.logArchive)], [everything]);
  iam.destroy();
  return {
    "github-deploy": "IAM_CROSS_ACCOUNT_TRUST",
    "github-release": null,
    "other-org-reader": "IAM_CROSS_ACCOUNT_TRUST",
    "org-reader": null,
    "sandbox-admin": "IAM_LATERAL_ADMIN_TRUST",
    "sandbox-everything": "IAM_LATERAL_ADMIN_TRUST",
    "sandbox-reader": null,
    "log-archive-admin": null,
  };
}

// A minimal SAML metadata document: IAM stores it, moto does not validate it.
const SAML_METADATA = `<?xml version="1.0"?><md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="http://www.okta.com/exk1"><md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://acme.okta.com/sso/saml"/></md:IDPSSODescriptor></md:EntityDescriptor>`;

/** Workforce federation: an Okta SAML provider in log-archive (Security OU). prod-app has GitHub's OIDC issuer (addRoles). */
async function addIdentityProviders(endpoint: string, org: MotoOrg): Promise<void> {
  const iam = await iamIn(endpoint, org.accounts.logArchive);
  await iam.send(
    new CreateSAMLProviderCommand({
      Name: "okta",
      SAMLMetadataDocument: SAML_METADATA.padEnd(1000, " "),
    }),
  );
  iam.destroy();
}

export async function addIamCases(endpoint: string, org: MotoOrg): Promise<IamCases> {
  await addIdentityProviders(endpoint, org);
  return { scps: await addScps(endpoint, org), roles: await addRoles(endpoint, org) };
}
