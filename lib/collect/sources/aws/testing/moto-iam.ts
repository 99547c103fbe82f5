// IAM and SCP cases for the identity-and-access checks, added to the moto organization of moto-org.ts:
// each violation beside a look-alike that must not be flagged.
import { AttachPolicyCommand, CreatePolicyCommand, OrganizationsClient } from "@aws-sdk/client-organizations";
import { awsConfig, type MotoOrg } from "./moto-org";

const doc = (statement: unknown) => JSON.stringify({ Version: "2012-10-17", Statement: statement });

export interface IamCases {
  scps: { conditionalBaseline: string; fullBaseline: string };
}

async function attachScp(orgs: OrganizationsClient, name: string, content: string, targetId: string): Promise<string> {
  const { Policy } = await orgs.send(new CreatePolicyCommand({ Name: name, Description: name, Type: "SERVICE_CONTROL_POLICY", Content: content }));
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
    doc([{ Effect: "Deny", Action: ["iam:CreateUser", "iam:CreateAccessKey"], Resource: "*", Condition: { StringNotEquals: { "aws:RequestedRegion": "eu-west-1" } } }]),
    org.ous.workloads,
  );
  const fullBaseline = await attachScp(
    orgs,
    "baseline-guardrails",
    doc([{ Effect: "Deny", Action: ["iam:CreateUser", "iam:CreateAccessKey", "organizations:LeaveOrganization"], Resource: "*" }]),
    org.ous.security,
  );
  orgs.destroy();
  return { conditionalBaseline, fullBaseline };
}

export async function addIamCases(endpoint: string, org: MotoOrg): Promise<IamCases> {
  return { scps: await addScps(endpoint, org) };
}
