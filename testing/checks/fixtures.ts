// A small organization that passes every check, for tests to break one thing at a time.
import type { z } from "zod";
import { DEFAULT_SETTINGS } from "@/lib/domain/settings";
import {
  parseSnapshot,
  type TAccountAudit,
  type TIamRole,
  type TIamUser,
  type TPolicyDocument,
  type TSnapshot,
  type ZAccountAudit,
} from "@/lib/domain/snapshot";
import type { TCheck, TCheckContext, TFinding } from "@/lib/domain/checks/types";

export const COLLECTED_AT = "2026-03-15T06:00:00.000Z";
export const LAST_MONTH = "2026-02-01";
export const CURRENT_MONTH = "2026-03-01";
export const ORG_ID = "o-test12345";

export const ACC = {
  mgmt: "111111111111",
  logArchive: "222222222222",
  security: "333333333333",
  identity: "444444444444",
  prod: "555555555555",
  dev: "666666666666",
} as const;

export const OU = {
  root: "r-root",
  security: "ou-sec",
  infra: "ou-infra",
  workloads: "ou-wl",
  prod: "ou-prod",
  sdlc: "ou-sdlc",
  sandbox: "ou-sbx",
  suspended: "ou-susp",
} as const;

export const EXTERNAL_ACCOUNT = "999999999999";

const tags = (environment: string, project: string) => ({
  owner: "platform@example.com",
  project,
  "cost-center": "CC-100",
  environment,
});

const accounts: { id: string; name: string; parentId: string; environment: string }[] = [
  { id: ACC.mgmt, name: "management", parentId: OU.root, environment: "prod" },
  { id: ACC.logArchive, name: "log-archive", parentId: OU.security, environment: "prod" },
  { id: ACC.security, name: "security-tooling", parentId: OU.security, environment: "prod" },
  { id: ACC.identity, name: "identity", parentId: OU.infra, environment: "prod" },
  { id: ACC.prod, name: "shop-prod", parentId: OU.prod, environment: "prod" },
  { id: ACC.dev, name: "shop-dev", parentId: OU.sdlc, environment: "dev" },
];

export const BASELINE_SCP = JSON.stringify({
  Version: "2012-10-17",
  Statement: [
    {
      Sid: "Baseline",
      Effect: "Deny",
      Action: ["iam:CreateUser", "iam:CreateAccessKey", "organizations:LeaveOrganization"],
      Resource: "*",
    },
  ],
});
export const REQUIRED_TAGS_POLICY = JSON.stringify({
  tags: Object.fromEntries(
    ["owner", "project", "cost-center"].map((k) => [
      k,
      { tag_key: { "@@assign": k }, enforced_for: { "@@assign": ["ec2:instance", "s3:bucket"] } },
    ]),
  ),
});
export const FULL_ACCESS_SCP = JSON.stringify({
  Version: "2012-10-17",
  Statement: { Effect: "Allow", Action: "*", Resource: "*" },
});

function costRows(month: string, estimated: boolean) {
  return accounts.flatMap((a) => [
    {
      accountId: a.id,
      month,
      service: "AWS CloudTrail",
      unblended: "5.00",
      amortized: "5.00",
      net: "5.00",
      estimated,
    },
    ...(a.id === ACC.prod || a.id === ACC.dev
      ? [
          {
            accountId: a.id,
            month,
            service: "Amazon Elastic Compute Cloud - Compute",
            unblended: "900.00",
            amortized: "900.00",
            net: "900.00",
            estimated,
          },
        ]
      : []),
  ]);
}

function tagRows(month: string, estimated: boolean) {
  return accounts.flatMap((a) => [
    {
      accountId: a.id,
      month,
      tagKey: "cost-center",
      tagValue: "CC-100",
      unblended: "100.00",
      amortized: "100.00",
      net: "100.00",
      estimated,
    },
    {
      accountId: a.id,
      month,
      tagKey: "environment",
      tagValue: a.environment,
      unblended: "100.00",
      amortized: "100.00",
      net: "100.00",
      estimated,
    },
  ]);
}

function audit(accountId: string): z.input<typeof ZAccountAudit> {
  return {
    accountId,
    status: "audited",
    securityHub: { enabled: true, findings: { critical: 0, high: 0, medium: 2, low: 5 } },
    trails:
      accountId === ACC.mgmt
        ? [
            {
              arn: `arn:aws:cloudtrail:eu-west-1:${ACC.mgmt}:trail/org-trail`,
              name: "org-trail",
              homeRegion: "eu-west-1",
              isOrganizationTrail: true,
              isMultiRegion: true,
              isLogging: true,
              includesManagementEvents: true,
              s3BucketName: "org-trail-logs",
            },
          ]
        : [],
    budgets:
      accountId === ACC.mgmt
        ? [
            {
              name: "org-monthly",
              limit: "10000",
              timeUnit: "MONTHLY",
              actual: "4000",
              forecast: "9000",
            },
          ]
        : [],
    consoleLogins: {
      windowDays: 30,
      byIdentityType: { AssumedRole: 40, IAMUser: 0 },
      longTermKeysInUse: 0,
      temporaryKeysInUse: 12,
    },
  };
}

/** A fresh, compliant snapshot: every call returns a new object tests may mutate. */
export function baselineSnapshot(): TSnapshot {
  return parseSnapshot({
    source: "demo",
    collectedAt: COLLECTED_AT,
    organization: { id: ORG_ID, managementAccountId: ACC.mgmt },
    orgUnits: [
      { id: OU.root, parentId: null, name: "Root" },
      { id: OU.security, parentId: OU.root, name: "Security" },
      { id: OU.infra, parentId: OU.root, name: "Infrastructure" },
      { id: OU.workloads, parentId: OU.root, name: "Workloads" },
      { id: OU.prod, parentId: OU.workloads, name: "Prod" },
      { id: OU.sdlc, parentId: OU.workloads, name: "SDLC" },
      { id: OU.sandbox, parentId: OU.root, name: "Sandbox" },
      { id: OU.suspended, parentId: OU.root, name: "Suspended" },
    ],
    accounts: accounts.map((a) => ({
      id: a.id,
      name: a.name,
      email: `${a.name}@example.com`,
      status: "ACTIVE",
      joinedMethod: a.id === ACC.mgmt ? "INVITED" : "CREATED",
      joinedAt: "2024-01-10T00:00:00.000Z",
      parentId: a.parentId,
      tags: tags(a.environment, a.name),
    })),
    policies: [
      {
        id: "p-full",
        type: "SERVICE_CONTROL_POLICY",
        name: "FullAWSAccess",
        awsManaged: true,
        content: FULL_ACCESS_SCP,
        targets: [{ targetId: OU.root, targetType: "ROOT" }],
      },
      {
        id: "p-base",
        type: "SERVICE_CONTROL_POLICY",
        name: "baseline-guardrails",
        content: BASELINE_SCP,
        targets: [{ targetId: OU.root, targetType: "ROOT" }],
      },
      {
        id: "p-tags",
        type: "TAG_POLICY",
        name: "required-tags",
        content: REQUIRED_TAGS_POLICY,
        targets: [{ targetId: OU.root, targetType: "ROOT" }],
      },
    ],
    delegatedAdmins: [
      {
        accountId: ACC.identity,
        servicePrincipal: "sso.amazonaws.com",
        delegatedAt: "2024-02-01T00:00:00.000Z",
      },
    ],
    costs: {
      months: [LAST_MONTH, CURRENT_MONTH],
      tagKeys: ["cost-center", "environment"],
      monthly: [...costRows(LAST_MONTH, false), ...costRows(CURRENT_MONTH, true)],
      byTag: [...tagRows(LAST_MONTH, false), ...tagRows(CURRENT_MONTH, true)],
    },
    audits: accounts.map((a) => audit(a.id)),
    buckets: [
      {
        name: "org-trail-logs",
        ownerAccountId: ACC.logArchive,
        objectLockEnabled: true,
        versioning: "Enabled",
        publicAccessBlock: {
          blockPublicAcls: true,
          ignorePublicAcls: true,
          blockPublicPolicy: true,
          restrictPublicBuckets: true,
        },
        policy: { status: "present", document: cloudTrailBucketPolicy("org-trail-logs") },
      },
    ],
  });
}

/** The bucket policy AWS documents for an organization trail's bucket: CloudTrail's delivery only. */
export function cloudTrailBucketPolicy(bucket: string): TPolicyDocument {
  const trailArn = `arn:aws:cloudtrail:eu-west-1:${ACC.mgmt}:trail/org-trail`;
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "AWSCloudTrailAclCheck20150319",
        Effect: "Allow",
        Principal: { Service: "cloudtrail.amazonaws.com" },
        Action: "s3:GetBucketAcl",
        Resource: `arn:aws:s3:::${bucket}`,
        Condition: { StringEquals: { "aws:SourceArn": trailArn } },
      },
      {
        Sid: "AWSCloudTrailWrite20150319",
        Effect: "Allow",
        Principal: { Service: "cloudtrail.amazonaws.com" },
        Action: "s3:PutObject",
        Resource: `arn:aws:s3:::${bucket}/AWSLogs/${ORG_ID}/*`,
        Condition: {
          StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceArn": trailArn },
        },
      },
    ],
  };
}

export function auditOf(snap: TSnapshot, accountId: string): TAccountAudit {
  const found = snap.audits.find((a) => a.accountId === accountId);
  if (!found) throw new Error(`no audit for ${accountId} in the fixture`);
  return found;
}

export function iamUser(
  accountId: string,
  userName: string,
  over: Partial<TIamUser> = {},
): TIamUser {
  return {
    userName,
    arn: `arn:aws:iam::${accountId}:user/${userName}`,
    createdAt: "2026-03-01T00:00:00.000Z",
    passwordEnabled: false,
    passwordLastUsed: null,
    mfaActive: false,
    accessKeys: [],
    ...over,
  };
}

export function accessKey(
  slot: number,
  over: Partial<TIamUser["accessKeys"][number]> = {},
): TIamUser["accessKeys"][number] {
  return {
    keyId: `AKIAEXAMPLE${slot}`,
    slot,
    active: true,
    lastRotated: "2026-03-01T00:00:00.000Z",
    lastUsed: "2026-03-14T00:00:00.000Z",
    ...over,
  };
}

export function iamRole(
  accountId: string,
  roleName: string,
  trustPolicy: TIamRole["trustPolicy"],
  over: Partial<TIamRole> = {},
): TIamRole {
  return {
    roleName,
    arn: `arn:aws:iam::${accountId}:role/${roleName}`,
    path: "/",
    createdAt: "2025-01-01T00:00:00.000Z",
    trustPolicy,
    attachedPolicyArns: [],
    inlinePolicies: [],
    managedPolicies: [],
    ...over,
  };
}

export function checkContext(over: Partial<TCheckContext> = {}): TCheckContext {
  return { knownAccountIds: new Set(), now: new Date(COLLECTED_AT), ...over };
}

export const settings = DEFAULT_SETTINGS;

/** Runs one check over the baseline after `mutate` broke (or fixed) something in it. */
export function findingsOf(
  check: TCheck,
  mutate: (snap: TSnapshot) => void = () => undefined,
  ctx: Partial<TCheckContext> = {},
): TFinding[] {
  const snap = baselineSnapshot();
  mutate(snap);
  return check.run(snap, settings, checkContext(ctx));
}
