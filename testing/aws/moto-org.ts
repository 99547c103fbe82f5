// Builds a small organization with known violations in a moto server, through the real AWS APIs.
import {
  CloudTrailClient,
  CreateTrailCommand,
  StartLoggingCommand,
} from "@aws-sdk/client-cloudtrail";
import {
  CreateAccessKeyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  IAMClient,
} from "@aws-sdk/client-iam";
import {
  AttachPolicyCommand,
  CreateAccountCommand,
  CreateOrganizationalUnitCommand,
  CreateOrganizationCommand,
  CreatePolicyCommand,
  ListRootsCommand,
  MoveAccountCommand,
  OrganizationsClient,
  TagResourceCommand,
} from "@aws-sdk/client-organizations";
import {
  CreateBucketCommand,
  PutBucketVersioningCommand,
  PutPublicAccessBlockCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import {
  BatchImportFindingsCommand,
  SecurityHubClient,
  type AwsSecurityFinding,
} from "@aws-sdk/client-securityhub";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import type { Credentials } from "@/lib/collect/sources/aws/clients";

export const BASE_CREDENTIALS: Credentials = { accessKeyId: "testing", secretAccessKey: "testing" };
const REGION = "us-east-1";

export function awsConfig(endpoint: string, credentials: Credentials = BASE_CREDENTIALS) {
  return { endpoint, region: REGION, credentials, forcePathStyle: true };
}

export async function credentialsFor(endpoint: string, accountId: string): Promise<Credentials> {
  const sts = new STSClient(awsConfig(endpoint));
  const { Credentials: c } = await sts.send(
    new AssumeRoleCommand({
      RoleArn: `arn:aws:iam::${accountId}:role/OrganizationAccountAccessRole`,
      RoleSessionName: "setup",
    }),
  );
  sts.destroy();
  return {
    accessKeyId: c?.AccessKeyId ?? "",
    secretAccessKey: c?.SecretAccessKey ?? "",
    sessionToken: c?.SessionToken,
  };
}

export async function iamIn(endpoint: string, accountId: string): Promise<IAMClient> {
  return new IAMClient(awsConfig(endpoint, await credentialsFor(endpoint, accountId)));
}

export async function createAccount(
  orgs: OrganizationsClient,
  name: string,
  parentId?: string,
  tags: Record<string, string> = {},
): Promise<string> {
  const { CreateAccountStatus: s } = await orgs.send(
    new CreateAccountCommand({ AccountName: name, Email: `${name}@example.com` }),
  );
  const id = s?.AccountId ?? "";
  if (Object.keys(tags).length)
    await orgs.send(
      new TagResourceCommand({
        ResourceId: id,
        Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
      }),
    );
  return id;
}

export interface MotoOrg {
  managementId: string;
  rootId: string;
  ous: { workloads: string; prod: string; sandbox: string; security: string };
  accounts: { prodApp: string; sandbox: string; stray: string; logArchive: string };
  scpId: string;
  trailBucket: string;
}

export async function buildOrg(endpoint: string): Promise<MotoOrg> {
  const orgs = new OrganizationsClient(awsConfig(endpoint));
  const { Organization } = await orgs.send(new CreateOrganizationCommand({ FeatureSet: "ALL" }));
  const { Roots } = await orgs.send(new ListRootsCommand({}));
  const rootId = Roots?.[0]?.Id ?? "";
  const ou = async (name: string, parentId: string) =>
    (await orgs.send(new CreateOrganizationalUnitCommand({ ParentId: parentId, Name: name })))
      .OrganizationalUnit?.Id ?? "";
  const workloads = await ou("Workloads", rootId);
  const ous = {
    workloads,
    prod: await ou("Prod", workloads),
    sandbox: await ou("Sandbox", rootId),
    security: await ou("Security", rootId),
  };
  await orgs.send(
    new TagResourceCommand({ ResourceId: workloads, Tags: [{ Key: "owner", Value: "platform" }] }),
  );

  const tags = { owner: "team-a", project: "shop", "cost-center": "cc-1", environment: "prod" };
  const accounts = {
    prodApp: await createAccount(orgs, "prod-app", ous.prod, tags),
    sandbox: await createAccount(orgs, "sandbox-1", ous.sandbox),
    stray: await createAccount(orgs, "stray"),
    logArchive: await createAccount(orgs, "log-archive", ous.security),
  };
  const moves: [string, string][] = [
    [accounts.prodApp, ous.prod],
    [accounts.sandbox, ous.sandbox],
    [accounts.logArchive, ous.security],
  ];
  for (const [id, dest] of moves)
    await orgs.send(
      new MoveAccountCommand({ AccountId: id, SourceParentId: rootId, DestinationParentId: dest }),
    );

  const deny = JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Deny", Action: "organizations:LeaveOrganization", Resource: "*" }],
  });
  const { Policy } = await orgs.send(
    new CreatePolicyCommand({
      Name: "deny-leave",
      Description: "no leaving",
      Type: "SERVICE_CONTROL_POLICY",
      Content: deny,
    }),
  );
  const scpId = Policy?.PolicySummary?.Id ?? "";
  await orgs.send(new AttachPolicyCommand({ PolicyId: scpId, TargetId: workloads }));

  // Violations in prod-app: a long-term IAM user key, an old admin user, a role trusting an outside account.
  const iam = await iamIn(endpoint, accounts.prodApp);
  await iam.send(new CreateUserCommand({ UserName: "deploy-bot" }));
  await iam.send(new CreateAccessKeyCommand({ UserName: "deploy-bot" }));
  await iam.send(new CreateUserCommand({ UserName: "old-admin" }));
  const trust = {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { AWS: "arn:aws:iam::999999999999:root" },
        Action: "sts:AssumeRole",
      },
    ],
  };
  await iam.send(
    new CreateRoleCommand({
      RoleName: "vendor-access",
      AssumeRolePolicyDocument: JSON.stringify(trust),
    }),
  );
  iam.destroy();

  // The organization trail writes to a bucket that the log-archive account owns.
  const trailBucket = "org-trail-logs-test";
  const s3 = new S3Client(awsConfig(endpoint, await credentialsFor(endpoint, accounts.logArchive)));
  await s3.send(new CreateBucketCommand({ Bucket: trailBucket }));
  await s3.send(
    new PutBucketVersioningCommand({
      Bucket: trailBucket,
      VersioningConfiguration: { Status: "Enabled" },
    }),
  );
  const block = {
    BlockPublicAcls: true,
    IgnorePublicAcls: true,
    BlockPublicPolicy: true,
    RestrictPublicBuckets: true,
  };
  await s3.send(
    new PutPublicAccessBlockCommand({ Bucket: trailBucket, PublicAccessBlockConfiguration: block }),
  );
  s3.destroy();
  const trails = new CloudTrailClient(awsConfig(endpoint));
  await trails.send(
    new CreateTrailCommand({
      Name: "org-trail",
      S3BucketName: trailBucket,
      IsOrganizationTrail: true,
      IsMultiRegionTrail: true,
    }),
  );
  await trails.send(new StartLoggingCommand({ Name: "org-trail" }));
  trails.destroy();
  await importFindings(endpoint, accounts.prodApp);
  orgs.destroy();
  return {
    managementId: Organization?.MasterAccountId ?? "",
    rootId,
    ous,
    accounts,
    scpId,
    trailBucket,
  };
}

/** Findings in the aggregator (management account): active critical and high, and a resolved high. */
async function importFindings(endpoint: string, accountId: string): Promise<void> {
  const finding = (
    id: string,
    label: "CRITICAL" | "HIGH",
    workflow: "NEW" | "RESOLVED",
  ): AwsSecurityFinding => ({
    SchemaVersion: "2018-10-08",
    Id: id,
    ProductArn: `arn:aws:securityhub:${REGION}::product/aws/securityhub`,
    GeneratorId: "test",
    AwsAccountId: accountId,
    Types: ["Software and Configuration Checks"],
    CreatedAt: "2025-01-01T00:00:00Z",
    UpdatedAt: "2025-01-01T00:00:00Z",
    Severity: { Label: label },
    Workflow: { Status: workflow },
    RecordState: "ACTIVE",
    Title: id,
    Description: id,
    Resources: [{ Type: "AwsAccount", Id: `AWS::::Account:${accountId}` }],
  });
  const hub = new SecurityHubClient(awsConfig(endpoint));
  await hub.send(
    new BatchImportFindingsCommand({
      Findings: [
        finding("f-1", "CRITICAL", "NEW"),
        finding("f-2", "HIGH", "NEW"),
        finding("f-3", "HIGH", "RESOLVED"),
      ],
    }),
  );
  hub.destroy();
}

/** Queues Cost Explorer answers: moto hands them out in order, one per distinct request. */
export async function presetCostResults(endpoint: string, results: unknown[]): Promise<void> {
  const res = await fetch(`${endpoint}/moto-api/static/ce/cost-and-usage-results`, {
    method: "POST",
    body: JSON.stringify({ results }),
  });
  if (!res.ok) throw new Error(`moto CE preset failed: HTTP ${res.status}`);
}
