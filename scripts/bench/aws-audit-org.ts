// The organization the member-audit benchmark audits: N accounts in moto, each with the evidence
// the audit reads in a typical workload account: the OrgLens audit role and a vendor role (trust
// policies, one with an ExternalId), a customer-managed policy, three IAM users (two with access
// keys, one with a console password), and its own trail writing to its own versioned bucket.
import {
  CloudTrailClient,
  CreateTrailCommand,
  StartLoggingCommand,
} from "@aws-sdk/client-cloudtrail";
import { DescribeBudgetsCommand, BudgetsClient } from "@aws-sdk/client-budgets";
import {
  ConfigServiceClient,
  DescribeConfigurationRecorderStatusCommand,
} from "@aws-sdk/client-config-service";
import { EC2Client, GetEbsEncryptionByDefaultCommand } from "@aws-sdk/client-ec2";
import { GuardDutyClient, ListDetectorsCommand } from "@aws-sdk/client-guardduty";
import { ListInstancesCommand, SSOAdminClient } from "@aws-sdk/client-sso-admin";
import {
  AttachRolePolicyCommand,
  GenerateCredentialReportCommand,
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreateLoginProfileCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  IAMClient,
} from "@aws-sdk/client-iam";
import { CreateOrganizationCommand, OrganizationsClient } from "@aws-sdk/client-organizations";
import {
  CreateBucketCommand,
  PutBucketVersioningCommand,
  PutPublicAccessBlockCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import pLimit from "p-limit";
import { DEFAULT_ROLE_NAME } from "../../lib/collect/sources/aws/config";
import { awsConfig, createAccount, credentialsFor } from "../../testing/aws/moto-org";

const trust = (principal: Record<string, string>, externalId?: string) =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: principal,
        Action: "sts:AssumeRole",
        ...(externalId ? { Condition: { StringEquals: { "sts:ExternalId": externalId } } } : {}),
      },
    ],
  });

async function furnishAccount(endpoint: string, id: string, managementId: string): Promise<void> {
  const config = awsConfig(endpoint, await credentialsFor(endpoint, id));
  const iam = new IAMClient(config);
  const s3 = new S3Client(config);
  const trails = new CloudTrailClient(config);
  try {
    await iam.send(
      new CreateRoleCommand({
        RoleName: DEFAULT_ROLE_NAME,
        AssumeRolePolicyDocument: trust({ AWS: `arn:aws:iam::${managementId}:root` }),
      }),
    );
    await iam.send(
      new CreateRoleCommand({
        RoleName: "vendor-monitoring",
        AssumeRolePolicyDocument: trust({ AWS: "arn:aws:iam::999999999999:root" }, `ext-${id}`),
      }),
    );
    const { Policy } = await iam.send(
      new CreatePolicyCommand({
        PolicyName: "app-read",
        PolicyDocument: JSON.stringify({
          Version: "2012-10-17",
          Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }],
        }),
      }),
    );
    const policyArn = Policy?.Arn ?? "";
    await iam.send(
      new AttachRolePolicyCommand({ RoleName: "vendor-monitoring", PolicyArn: policyArn }),
    );
    for (const user of ["ci-deploy", "backup-agent", "ops-admin"]) {
      await iam.send(new CreateUserCommand({ UserName: user }));
      await iam.send(new AttachUserPolicyCommand({ UserName: user, PolicyArn: policyArn }));
    }
    await iam.send(new CreateAccessKeyCommand({ UserName: "ci-deploy" }));
    await iam.send(new CreateAccessKeyCommand({ UserName: "backup-agent" }));
    await iam.send(
      new CreateLoginProfileCommand({ UserName: "ops-admin", Password: "Bench-password-1!" }),
    );

    const bucket = `trail-${id}`;
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await s3.send(
      new PutBucketVersioningCommand({
        Bucket: bucket,
        VersioningConfiguration: { Status: "Enabled" },
      }),
    );
    await s3.send(
      new PutPublicAccessBlockCommand({
        Bucket: bucket,
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          IgnorePublicAcls: true,
          BlockPublicPolicy: true,
          RestrictPublicBuckets: true,
        },
      }),
    );
    await trails.send(new CreateTrailCommand({ Name: "account-trail", S3BucketName: bucket }));
    await trails.send(new StartLoggingCommand({ Name: "account-trail" }));
  } finally {
    iam.destroy();
    s3.destroy();
    trails.destroy();
  }
}

/**
 * moto creates an account's backend of a service on its first call there (EC2's, with its default VPC
 * and catalogues, costs it about half a CPU-second), and answers the first GenerateCredentialReport
 * "STARTED". Real AWS has neither cost. One untimed call per service and account here, so that every
 * measured run (1 worker, then 2) finds the emulator in the same state and none pays its warm-up.
 */
async function warmAccount(endpoint: string, id: string): Promise<void> {
  const config = awsConfig(endpoint, await credentialsFor(endpoint, id));
  const iam = new IAMClient(config);
  const ec2 = new EC2Client(config);
  const budgets = new BudgetsClient(config);
  const configService = new ConfigServiceClient(config);
  const guardDuty = new GuardDutyClient(config);
  const sso = new SSOAdminClient(config);
  try {
    await Promise.all([
      iam.send(new GenerateCredentialReportCommand({})),
      ec2.send(new GetEbsEncryptionByDefaultCommand({})),
      budgets.send(new DescribeBudgetsCommand({ AccountId: id })).catch(() => null),
      configService.send(new DescribeConfigurationRecorderStatusCommand({})),
      guardDuty.send(new ListDetectorsCommand({})),
      sso.send(new ListInstancesCommand({})),
    ]);
  } finally {
    for (const c of [iam, ec2, budgets, configService, guardDuty, sso]) c.destroy();
  }
}

/** Builds the organization straight against moto (no added latency); returns the management account. */
export async function buildAuditBenchOrg(
  endpoint: string,
  accounts: number,
  log: (line: string) => void,
): Promise<string> {
  const orgs = new OrganizationsClient(awsConfig(endpoint));
  try {
    const { Organization } = await orgs.send(new CreateOrganizationCommand({ FeatureSet: "ALL" }));
    const managementId = Organization?.MasterAccountId ?? "";
    const limit = pLimit(8);
    let built = 0;
    await Promise.all(
      Array.from({ length: accounts }, (_, i) =>
        limit(async () => {
          const id = await createAccount(orgs, `bench-${i}`);
          await furnishAccount(endpoint, id, managementId);
          await warmAccount(endpoint, id);
          if (++built % 100 === 0) log(`  ${built}/${accounts} accounts built`);
        }),
      ),
    );
    return managementId;
  } finally {
    orgs.destroy();
  }
}
