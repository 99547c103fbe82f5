import { BudgetsClient, DescribeBudgetsCommand } from "@aws-sdk/client-budgets";
import {
  CloudTrailClient,
  DescribeTrailsCommand,
  LookupEventsCommand,
  type LookupEventsCommandInput,
} from "@aws-sdk/client-cloudtrail";
import {
  ConfigServiceClient,
  DescribeConfigurationRecorderStatusCommand,
} from "@aws-sdk/client-config-service";
import { EC2Client, GetEbsEncryptionByDefaultCommand } from "@aws-sdk/client-ec2";
import { GuardDutyClient, ListDetectorsCommand } from "@aws-sdk/client-guardduty";
import {
  GenerateCredentialReportCommand,
  GetAccountAuthorizationDetailsCommand,
  GetAccountPasswordPolicyCommand,
  GetCredentialReportCommand,
  IAMClient,
  IAMServiceException,
  ListOpenIDConnectProvidersCommand,
  ListSAMLProvidersCommand,
} from "@aws-sdk/client-iam";
import {
  GetPublicAccessBlockCommand,
  S3ControlClient,
  S3ControlServiceException,
} from "@aws-sdk/client-s3-control";
import { ListBucketsCommand, S3Client } from "@aws-sdk/client-s3";
import {
  GetEnabledStandardsCommand,
  SecurityHubClient,
  SecurityHubServiceException,
} from "@aws-sdk/client-securityhub";
import { ListInstancesCommand, SSOAdminClient } from "@aws-sdk/client-sso-admin";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditAccount, type AuditContext } from "./audit-account";
import { loadAwsConfig } from "./config";
import { RequestMeter } from "./meter";
import { RunNotes } from "./notes";
import { AccountSessions } from "./sessions";

const iam = mockClient(IAMClient);
const trail = mockClient(CloudTrailClient);
const s3 = mockClient(S3Client);
const sso = mockClient(SSOAdminClient);
const budgets = mockClient(BudgetsClient);
const guardDuty = mockClient(GuardDutyClient);
const configService = mockClient(ConfigServiceClient);
const ec2 = mockClient(EC2Client);
const s3Control = mockClient(S3ControlClient);
// moto has no GetEnabledStandards: the member account's answer is mocked here.
const hub = mockClient(SecurityHubClient);
const MEMBER = "222222222222";
const NOW = new Date("2025-06-15T00:00:00Z");

function context(): AuditContext {
  const config = loadAwsConfig({}, { regions: ["us-east-1"] });
  const meter = new RequestMeter(10, "0.01");
  const creds = { accessKeyId: "a", secretAccessKey: "b" };
  const sessions = new AccountSessions("111111111111", "aws", config, meter, creds, () =>
    Promise.resolve(creds),
  );
  return { sessions, config, notes: new RunNotes(), hub: null, now: NOW };
}

function event(type: string) {
  return {
    EventName: "ConsoleLogin",
    CloudTrailEvent: JSON.stringify({ userIdentity: { type }, eventName: "ConsoleLogin" }),
  };
}

const REPORT_HEADER =
  "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated";
const report = (...rows: string[]) => ({
  Content: new TextEncoder().encode([REPORT_HEADER, ...rows].join("\n")),
});

beforeEach(() => {
  iam
    .on(GetAccountAuthorizationDetailsCommand)
    .resolves({ UserDetailList: [], RoleDetailList: [], IsTruncated: false });
  iam.on(GenerateCredentialReportCommand).resolves({ State: "COMPLETE" });
  iam.on(GetCredentialReportCommand).resolves(report());
  iam.on(ListSAMLProvidersCommand).resolves({ SAMLProviderList: [] });
  iam.on(ListOpenIDConnectProvidersCommand).resolves({ OpenIDConnectProviderList: [] });
  trail.on(DescribeTrailsCommand).resolves({ trailList: [] });
  s3.on(ListBucketsCommand).resolves({ Buckets: [] });
  sso.on(ListInstancesCommand).resolves({ Instances: [] });
  budgets.on(DescribeBudgetsCommand).resolves({ Budgets: [] });
  guardDuty.on(ListDetectorsCommand).resolves({ DetectorIds: [] });
  configService
    .on(DescribeConfigurationRecorderStatusCommand)
    .resolves({ ConfigurationRecordersStatus: [] });
  ec2.on(GetEbsEncryptionByDefaultCommand).resolves({ EbsEncryptionByDefault: true });
  s3Control.on(GetPublicAccessBlockCommand).resolves({
    PublicAccessBlockConfiguration: {
      BlockPublicAcls: true,
      IgnorePublicAcls: true,
      BlockPublicPolicy: true,
      RestrictPublicBuckets: true,
    },
  });
  iam
    .on(GetAccountPasswordPolicyCommand)
    .resolves({ PasswordPolicy: { MinimumPasswordLength: 14 } });
  hub.on(GetEnabledStandardsCommand).resolves({ StandardsSubscriptions: [] });
});

afterEach(() => {
  for (const m of [iam, trail, s3, sso, budgets, guardDuty, configService, ec2, s3Control, hub])
    m.reset();
});

describe("auditing one member account", () => {
  // moto's credential report has no <root_account> row, so a real report's root row is played here.
  it("keeps the credential report's root row as the root user, even in an account without IAM users", async () => {
    trail.on(LookupEventsCommand).resolves({ Events: [] });
    iam
      .on(GetCredentialReportCommand)
      .resolves(
        report(
          `<root_account>,arn:aws:iam::${MEMBER}:root,2020-01-01T00:00:00+00:00,not_supported,2025-06-10T07:00:00+00:00,not_supported,not_supported,false,true,2019-01-01T00:00:00+00:00,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`,
        ),
      );
    const { audit } = await auditAccount(context(), MEMBER);
    expect(audit.rootUser).toEqual({
      arn: `arn:aws:iam::${MEMBER}:root`,
      mfaActive: false,
      passwordLastUsed: "2025-06-10T07:00:00.000Z",
      accessKeys: [
        {
          keyId: null,
          slot: 1,
          active: true,
          lastRotated: "2019-01-01T00:00:00.000Z",
          lastUsed: null,
        },
      ],
    });
  });

  it("leaves the root user unknown, with a note, when the report has no root row", async () => {
    trail.on(LookupEventsCommand).resolves({ Events: [] });
    const ctx = context();
    const { audit } = await auditAccount(ctx, MEMBER);
    expect(audit.rootUser).toBeNull();
    expect(
      ctx.notes.list.filter((n) => n.phase === "iam").map((n) => [n.accountId, n.message]),
    ).toEqual([
      [MEMBER, "the credential report has no <root_account> row: the root user is not checked"],
    ]);
  });

  it("counts console sign-ins by identity type across LookupEvents pages", async () => {
    trail.on(LookupEventsCommand).callsFake((input: LookupEventsCommandInput) =>
      input.NextToken === "p2"
        ? { Events: [event("Root"), event("IAMUser")] }
        : {
            Events: [event("IAMUser"), event("AssumedRole"), { CloudTrailEvent: "not json" }],
            NextToken: "p2",
          },
    );
    const { audit } = await auditAccount(context(), MEMBER);
    expect(audit.status).toBe("audited");
    expect(audit.consoleLogins).toEqual({
      windowDays: 90,
      byIdentityType: { IAMUser: 2, AssumedRole: 1, Root: 1, Unknown: 1 },
      longTermKeysInUse: 0,
      temporaryKeysInUse: 0,
    });
    const calls = trail
      .commandCalls(LookupEventsCommand)
      .map((c) => c.args[0].input)
      .filter((i) => i.LookupAttributes?.[0]?.AttributeKey === "EventName");
    // The SDK paginator reuses one input object, so only the last token is visible here.
    expect(calls).toHaveLength(2);
    expect(calls[1]?.NextToken).toBe("p2");
    expect(calls[0]?.LookupAttributes).toEqual([
      { AttributeKey: "EventName", AttributeValue: "ConsoleLogin" },
    ]);
    expect(calls[0]?.StartTime?.toISOString()).toBe("2025-03-17T00:00:00.000Z");
  });

  it("reads the standards enabled in the member account, across pages, leaving failed and deleting ones out", async () => {
    trail.on(LookupEventsCommand).resolves({ Events: [] });
    const sub = (
      slug: string,
      StandardsStatus: "READY" | "INCOMPLETE" | "FAILED" | "DELETING",
    ) => ({
      StandardsSubscriptionArn: `arn:aws:securityhub:us-east-1:${MEMBER}:subscription/${slug}`,
      StandardsArn: `arn:aws:securityhub:us-east-1::standards/${slug}`,
      StandardsInput: {},
      StandardsStatus,
    });
    hub.on(GetEnabledStandardsCommand).callsFake((input: { NextToken?: string }) =>
      input.NextToken === "p2"
        ? {
            StandardsSubscriptions: [
              sub("cis-aws-foundations-benchmark/v/3.0.0", "INCOMPLETE"),
              sub("nist-800-53/v/5.0.0", "DELETING"),
            ],
          }
        : {
            StandardsSubscriptions: [
              sub("aws-foundational-security-best-practices/v/1.0.0", "READY"),
              sub("pci-dss/v/3.2.1", "FAILED"),
            ],
            NextToken: "p2",
          },
    );
    const { audit } = await auditAccount(context(), MEMBER);
    expect(audit.securityHub?.standards).toEqual([
      "arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0",
      "arn:aws:securityhub:us-east-1::standards/cis-aws-foundations-benchmark/v/3.0.0",
    ]);
  });

  it("counts no standards where Security Hub is not enabled; a denied call leaves them unknown without failing the audit", async () => {
    trail.on(LookupEventsCommand).resolves({ Events: [] });
    const error = (name: string) =>
      new SecurityHubServiceException({
        name,
        $fault: "client",
        $metadata: { httpStatusCode: 403 },
        message: name,
      });
    hub.on(GetEnabledStandardsCommand).rejects(error("InvalidAccessException"));
    expect((await auditAccount(context(), MEMBER)).audit.securityHub?.standards).toEqual([]);
    hub.on(GetEnabledStandardsCommand).rejects(error("AccessDeniedException"));
    const ctx = context();
    const denied = await auditAccount(ctx, MEMBER);
    expect(denied.audit).toMatchObject({ status: "audited", securityHub: { standards: null } });
    expect(ctx.notes.list.map((n) => n.message)).toContain(
      "securityhub:GetEnabledStandards denied: enabled standards unknown for this account.",
    );
  });

  it("fails the account with the reason when a read is denied, without failing the run", async () => {
    trail.on(LookupEventsCommand).resolves({ Events: [] });
    const denied = new IAMServiceException({
      name: "AccessDenied",
      $fault: "client",
      $metadata: { httpStatusCode: 403 },
      message:
        "User: arn:aws:sts::222222222222:assumed-role/OrgLensAudit/orglens is not authorized to perform: iam:GetAccountAuthorizationDetails",
    });
    iam.on(GetAccountAuthorizationDetailsCommand).rejects(denied);
    const { audit } = await auditAccount(context(), MEMBER);
    expect(audit.status).toBe("failed");
    expect(audit.error).toMatch(
      /^iam:GetAccountAuthorizationDetails: access denied: AccessDenied: User: .* is not authorized/,
    );
  });

  it("sends an account's reads together and reports the first failure in listed order, not in time order", async () => {
    trail.on(LookupEventsCommand).resolves({ Events: [] });
    const denied = (name: string, action: string) =>
      new IAMServiceException({
        name,
        $fault: "client",
        $metadata: { httpStatusCode: 403 },
        message: `not authorized to perform: ${action}`,
      });
    // IAM answers only once Budgets has been asked: read one after the other, this would never end.
    let budgetsAsked: () => void = () => {};
    const asked = new Promise<void>((resolve) => (budgetsAsked = resolve));
    budgets.on(DescribeBudgetsCommand).callsFake(() => {
      budgetsAsked();
      return Promise.reject(denied("AccessDeniedException", "budgets:DescribeBudgets"));
    });
    iam
      .on(GetAccountAuthorizationDetailsCommand)
      .callsFake(() =>
        asked.then(() =>
          Promise.reject(denied("AccessDenied", "iam:GetAccountAuthorizationDetails")),
        ),
      );
    const { audit } = await auditAccount(context(), MEMBER);
    expect(audit.status).toBe("failed");
    expect(audit.error).toMatch(/^iam:GetAccountAuthorizationDetails: access denied/);
    // Every read had settled before the account's clients were destroyed.
    expect(hub.commandCalls(GetEnabledStandardsCommand)).toHaveLength(1);
  });

  it("skips a call found unsupported by an earlier account of the run in another RunNotes sharing the set", async () => {
    const html = Object.assign(
      new SyntaxError(
        "Unexpected token '<'\n  Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.",
      ),
      { $metadata: { httpStatusCode: 404 } },
    );
    trail.on(LookupEventsCommand).rejects(html);
    // A worker: one RunNotes per account (stored with it), one set of unsupported calls per run.
    const unsupported = new Set<string>();
    const first = { ...context(), notes: new RunNotes(unsupported) };
    const second = { ...context(), notes: new RunNotes(unsupported) };
    expect((await auditAccount(first, MEMBER)).audit.status).toBe("audited");
    expect((await auditAccount(second, "333333333333")).audit.status).toBe("audited");
    expect(trail.commandCalls(LookupEventsCommand)).toHaveLength(1);
    expect(
      second.notes.list
        .filter((n) => n.phase !== "iam")
        .map((n) => [n.accountId, n.phase, n.message]),
    ).toEqual([
      [
        "333333333333",
        "unsupported",
        "cloudtrail:LookupEvents: not supported by the endpoint (skipped)",
      ],
    ]);
  });

  it("fails the account when its role cannot be assumed", async () => {
    const ctx = context();
    const config = ctx.config;
    const sessions = new AccountSessions(
      "111111111111",
      "aws",
      config,
      new RequestMeter(1, "0.01"),
      { accessKeyId: "a", secretAccessKey: "b" },
      () =>
        Promise.reject(
          new IAMServiceException({
            name: "AccessDenied",
            $fault: "client",
            $metadata: {},
            message: "not authorized to perform: sts:AssumeRole",
          }),
        ),
    );
    const { audit } = await auditAccount({ ...ctx, sessions }, MEMBER);
    expect(audit).toMatchObject({
      status: "failed",
      error: `cannot assume arn:aws:iam::${MEMBER}:role/OrgLensAudit: AccessDenied: not authorized to perform: sts:AssumeRole`,
    });
  });

  it("skips a call the endpoint does not implement, notes it once per account, and keeps auditing", async () => {
    const html = Object.assign(
      new SyntaxError(
        "Unexpected token '<'\n  Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.",
      ),
      { $metadata: { httpStatusCode: 404 } },
    );
    trail.on(LookupEventsCommand).rejects(html);
    const ctx = context();
    const first = await auditAccount(ctx, MEMBER);
    const second = await auditAccount(ctx, "333333333333");
    expect([first.audit.status, second.audit.status]).toEqual(["audited", "audited"]);
    expect(first.audit.consoleLogins).toBeNull();
    expect(trail.commandCalls(LookupEventsCommand)).toHaveLength(1);
    expect(
      ctx.notes.list.filter((n) => n.phase !== "iam").map((n) => [n.accountId, n.phase]),
    ).toEqual([
      [MEMBER, "unsupported"],
      ["333333333333", "unsupported"],
    ]);
  });

  it("marks a baseline control it may not read as unknown, notes it, and keeps the account audited", async () => {
    trail.on(LookupEventsCommand).resolves({ Events: [] });
    s3Control.on(GetPublicAccessBlockCommand).rejects(
      new S3ControlServiceException({
        name: "AccessDenied",
        $fault: "client",
        $metadata: { httpStatusCode: 403 },
        message: "Access Denied",
      }),
    );
    const ctx = context();
    const { audit } = await auditAccount(ctx, MEMBER);
    expect(audit.status).toBe("audited");
    expect(audit.baseline.map((c) => [c.control, c.status])).toEqual([
      ["guardduty", "off"],
      ["config-recorder", "off"],
      ["ebs-default-encryption", "on"],
      ["s3-account-public-access-block", "unknown"],
      ["iam-password-policy", "on"],
    ]);
    expect(ctx.notes.list).toContainEqual({
      accountId: MEMBER,
      phase: "baseline",
      message: "s3-account-public-access-block: access denied: AccessDenied: Access Denied",
    });
  });

  it("counts API calls signed with temporary (ASIA) and long-term (AKIA) keys over the key window, leaving out events without a key", async () => {
    const call = (key: string | undefined) => ({
      EventName: "PutObject",
      AccessKeyId: key,
      CloudTrailEvent: "{}",
    });
    trail.on(LookupEventsCommand).callsFake((input: LookupEventsCommandInput) => {
      if (input.LookupAttributes?.[0]?.AttributeKey !== "ReadOnly") return { Events: [] };
      // A service event (no key) and an empty key are not credentials of this account's principals.
      return input.NextToken === "k2"
        ? { Events: [call("ASIAEXAMPLE3"), call(undefined)] }
        : {
            Events: [call("ASIAEXAMPLE1"), call("AKIAEXAMPLE1"), call("ASIAEXAMPLE2"), call("")],
            NextToken: "k2",
          };
    });
    const { audit } = await auditAccount(context(), MEMBER);
    expect(audit.consoleLogins).toMatchObject({ temporaryKeysInUse: 3, longTermKeysInUse: 1 });
    const keyCalls = trail
      .commandCalls(LookupEventsCommand)
      .map((c) => c.args[0].input)
      .filter((i) => i.LookupAttributes?.[0]?.AttributeKey === "ReadOnly");
    expect(keyCalls[0]?.StartTime?.toISOString()).toBe("2025-06-08T00:00:00.000Z");
  });
});
