// Organization policies and delegated administrators. Content is the JSON text AWS returns.
//
// The baseline guardrail SCP is attached to each top-level OU rather than to the root (an SCP
// on the root reaches every account, so no OU could lack it) — except Sandbox, which has its
// own lighter SCP without the IAM user/key deny: the planted GUARDRAIL_SCP_BASELINE. The one
// member account left at the root gets the baseline attached directly, so the only gap is
// Sandbox.
import type { AccountSpec } from "./spec";
import type { OrgLayout } from "./org";
import type { DelegatedAdminInput, PolicyInput } from "./types";
import { ACCOUNTS, OU_IDS, ROOT_ID } from "./ids";
import { DAY_MS, iso } from "./time";

const VERSION = "2012-10-17";

const DENY_LEAVE_ORG = {
  Sid: "DenyLeaveOrganization",
  Effect: "Deny",
  Action: "organizations:LeaveOrganization",
  Resource: "*",
};
const PROTECT_CLOUDTRAIL = {
  Sid: "ProtectCloudTrail",
  Effect: "Deny",
  Action: ["cloudtrail:StopLogging", "cloudtrail:DeleteTrail", "cloudtrail:UpdateTrail"],
  Resource: "*",
};
const DENY_IAM_USERS = {
  Sid: "DenyIamUsersAndAccessKeys",
  Effect: "Deny",
  Action: ["iam:CreateUser", "iam:CreateAccessKey"],
  Resource: "*",
};
const PROTECT_SECURITY_SERVICES = {
  Sid: "ProtectSecurityServices",
  Effect: "Deny",
  Action: [
    "guardduty:DeleteDetector",
    "guardduty:DisassociateFromMasterAccount",
    "securityhub:DisableSecurityHub",
    "config:StopConfigurationRecorder",
  ],
  Resource: "*",
};

// Global services exempted from the region deny, as in AWS's example policy.
// prettier-ignore
const GLOBAL_ACTIONS = [
  "a4b:*", "acm:*", "aws-marketplace-management:*", "aws-marketplace:*", "aws-portal:*",
  "budgets:*", "ce:*", "chime:*", "cloudfront:*", "config:*", "cur:*", "directconnect:*",
  "ec2:DescribeRegions", "ec2:DescribeTransitGateways", "ec2:DescribeVpnGateways", "fms:*",
  "globalaccelerator:*", "health:*", "iam:*", "importexport:*", "kms:*", "mobileanalytics:*",
  "networkmanager:*", "organizations:*", "pricing:*", "route53:*", "route53domains:*",
  "s3:GetAccountPublic*", "s3:ListAllMyBuckets", "s3:ListMultiRegionAccessPoints",
  "s3:PutAccountPublic*", "shield:*", "sts:*", "support:*", "trustedadvisor:*", "waf-regional:*",
  "waf:*", "wafv2:*", "wellarchitected:*",
];

type Target = PolicyInput["targets"][number];
const ouTarget = (targetId: string): Target => ({ targetId, targetType: "ORGANIZATIONAL_UNIT" });
const accountTarget = (targetId: string): Target => ({ targetId, targetType: "ACCOUNT" });
const json = (doc: unknown): string => JSON.stringify(doc);
const scp = (statements: unknown[]): string => json({ Version: VERSION, Statement: statements });

export function buildPolicies(specs: readonly AccountSpec[], layout: OrgLayout): PolicyInput[] {
  const ous = layout.orgUnits.filter((ou) => ou.parentId !== null).map((ou) => ou.id);
  const atRoot = specs
    .filter((s) => s.parentId === ROOT_ID && s.id !== ACCOUNTS.management)
    .map((s) => s.id);
  const guarded = layout.topLevel.filter((id) => id !== OU_IDS.sandbox);
  return [
    {
      id: "p-FullAWSAccess",
      type: "SERVICE_CONTROL_POLICY",
      name: "FullAWSAccess",
      description: "Allows access to every operation",
      awsManaged: true,
      content: scp([{ Effect: "Allow", Action: "*", Resource: "*" }]),
      // AWS attaches it to every root, OU and account; an allow must exist at each level.
      targets: [
        { targetId: ROOT_ID, targetType: "ROOT" },
        ...ous.map(ouTarget),
        ...specs.map((s) => accountTarget(s.id)),
      ],
    },
    {
      id: "p-4w8rk2xz",
      type: "SERVICE_CONTROL_POLICY",
      name: "acme-baseline-guardrails",
      description:
        "Deny leaving the org, IAM users and access keys, and tampering with audit services",
      content: scp([DENY_LEAVE_ORG, DENY_IAM_USERS, PROTECT_CLOUDTRAIL, PROTECT_SECURITY_SERVICES]),
      targets: [...guarded.map(ouTarget), ...atRoot.map(accountTarget)],
    },
    {
      id: "p-7n3qv9hd",
      type: "SERVICE_CONTROL_POLICY",
      name: "acme-sandbox-guardrails",
      description:
        "Sandbox guardrails: stay in the org, keep CloudTrail on, small instance types only",
      content: scp([
        DENY_LEAVE_ORG,
        PROTECT_CLOUDTRAIL,
        {
          Sid: "SmallInstancesOnly",
          Effect: "Deny",
          Action: "ec2:RunInstances",
          Resource: "arn:aws:ec2:*:*:instance/*",
          Condition: { StringNotLike: { "ec2:InstanceType": ["t3.*", "t4g.*", "m7g.large"] } },
        },
      ]),
      targets: [{ targetId: OU_IDS.sandbox, targetType: "ORGANIZATIONAL_UNIT" }],
    },
    {
      id: "p-2c6ty8mb",
      type: "SERVICE_CONTROL_POLICY",
      name: "acme-region-deny",
      description: "Workloads run in us-east-1, us-west-2 and eu-west-1 only",
      content: scp([
        {
          Sid: "DenyOutsideApprovedRegions",
          Effect: "Deny",
          NotAction: GLOBAL_ACTIONS,
          Resource: "*",
          Condition: {
            StringNotEquals: { "aws:RequestedRegion": ["us-east-1", "us-west-2", "eu-west-1"] },
            ArnNotLike: {
              "aws:PrincipalARN": ["arn:aws:iam::*:role/OrganizationAccountAccessRole"],
            },
          },
        },
      ]),
      targets: [{ targetId: OU_IDS.workloads, targetType: "ORGANIZATIONAL_UNIT" }],
    },
    {
      id: "p-9b5mh1ve",
      type: "SERVICE_CONTROL_POLICY",
      name: "acme-quarantine",
      description: "Suspended accounts: deny everything",
      content: scp([{ Sid: "DenyAll", Effect: "Deny", Action: "*", Resource: "*" }]),
      targets: [{ targetId: OU_IDS.suspended, targetType: "ORGANIZATIONAL_UNIT" }],
    },
    {
      id: "p-95ouq3kt",
      type: "TAG_POLICY",
      name: "acme-required-tags",
      description: "owner, project and cost-center on every resource",
      content: json({
        tags: {
          owner: {
            tag_key: { "@@assign": "owner" },
            report_required_tag_for: { "@@assign": ["ec2:instance"] },
          },
          project: {
            tag_key: { "@@assign": "project" },
            report_required_tag_for: { "@@assign": ["ec2:instance"] },
          },
          "cost-center": {
            tag_key: { "@@assign": "cost-center" },
            tag_value: { "@@assign": ["CC-*"] },
            enforced_for: { "@@assign": ["ec2:instance", "ec2:volume"] },
          },
        },
      }),
      targets: [{ targetId: ROOT_ID, targetType: "ROOT" }],
    },
    {
      // The planted tag-policy gap: sandbox teams asked to be let off the cost-center enforcement.
      id: "p-6w1sandx",
      type: "TAG_POLICY",
      name: "acme-sandbox-tag-relief",
      description: "Sandbox: cost-center values are not enforced",
      content: json({
        tags: { "cost-center": { enforced_for: { "@@remove": ["ec2:instance", "ec2:volume"] } } },
      }),
      targets: [{ targetId: OU_IDS.sandbox, targetType: "ORGANIZATIONAL_UNIT" }],
    },
    {
      id: "p-3z7aiopt",
      type: "AISERVICES_OPT_OUT_POLICY",
      name: "acme-ai-opt-out",
      description: "Opt out of AI service data use for every service",
      content: json({ services: { default: { opt_out_policy: { "@@assign": "optOut" } } } }),
      targets: [{ targetId: ROOT_ID, targetType: "ROOT" }],
    },
  ];
}

export function buildDelegatedAdmins(specs: readonly AccountSpec[]): DelegatedAdminInput[] {
  const joined = (id: string): number => specs.find((s) => s.id === id)?.joinedAt ?? 0;
  const after = (id: string, days: number): string => iso(joined(id) + days * DAY_MS);
  return [
    {
      accountId: ACCOUNTS.identity,
      servicePrincipal: "sso.amazonaws.com",
      delegatedAt: after(ACCOUNTS.identity, 3),
    },
    {
      accountId: ACCOUNTS.securityTooling,
      servicePrincipal: "securityhub.amazonaws.com",
      delegatedAt: after(ACCOUNTS.securityTooling, 12),
    },
    {
      accountId: ACCOUNTS.securityTooling,
      servicePrincipal: "guardduty.amazonaws.com",
      delegatedAt: after(ACCOUNTS.securityTooling, 12),
    },
    {
      accountId: ACCOUNTS.sharedServices,
      servicePrincipal: "member.org.stacksets.cloudformation.amazonaws.com",
      delegatedAt: after(ACCOUNTS.sharedServices, 40),
    },
  ];
}
