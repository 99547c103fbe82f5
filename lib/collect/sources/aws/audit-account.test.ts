import { BudgetsClient, DescribeBudgetsCommand } from "@aws-sdk/client-budgets";
import { CloudTrailClient, DescribeTrailsCommand, LookupEventsCommand, type LookupEventsCommandInput } from "@aws-sdk/client-cloudtrail";
import { GenerateCredentialReportCommand, GetAccountAuthorizationDetailsCommand, GetCredentialReportCommand, IAMClient, IAMServiceException, ListOpenIDConnectProvidersCommand, ListSAMLProvidersCommand } from "@aws-sdk/client-iam";
import { ListBucketsCommand, S3Client } from "@aws-sdk/client-s3";
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
const MEMBER = "222222222222";
const NOW = new Date("2025-06-15T00:00:00Z");

function context(): AuditContext {
  const config = loadAwsConfig({}, { regions: ["us-east-1"] });
  const meter = new RequestMeter(10, "0.01");
  const creds = { accessKeyId: "a", secretAccessKey: "b" };
  const sessions = new AccountSessions("111111111111", "aws", config, meter, creds, () => Promise.resolve(creds));
  return { sessions, config, notes: new RunNotes(), hub: null, now: NOW };
}

function event(type: string) {
  return { EventName: "ConsoleLogin", CloudTrailEvent: JSON.stringify({ userIdentity: { type }, eventName: "ConsoleLogin" }) };
}

const REPORT_HEADER = "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated";
const report = (...rows: string[]) => ({ Content: new TextEncoder().encode([REPORT_HEADER, ...rows].join("\n")) });

beforeEach(() => {
  iam.on(GetAccountAuthorizationDetailsCommand).resolves({ UserDetailList: [], RoleDetailList: [], IsTruncated: false });
  iam.on(GenerateCredentialReportCommand).resolves({ State: "COMPLETE" });
  iam.on(GetCredentialReportCommand).resolves(report());
  iam.on(ListSAMLProvidersCommand).resolves({ SAMLProviderList: [] });
  iam.on(ListOpenIDConnectProvidersCommand).resolves({ OpenIDConnectProviderList: [] });
  trail.on(DescribeTrailsCommand).resolves({ trailList: [] });
  s3.on(ListBucketsCommand).resolves({ Buckets: [] });
  sso.on(ListInstancesCommand).resolves({ Instances: [] });
  budgets.on(DescribeBudgetsCommand).resolves({ Budgets: [] });
});

afterEach(() => {
  for (const m of [iam, trail, s3, sso, budgets]) m.reset();
});

describe("auditing one member account", () => {
  // moto's credential report has no <root_account> row, so a real report's root row is played here.
  it("keeps the credential report's root row as the root user, even in an account without IAM users", async () => {
    trail.on(LookupEventsCommand).resolves({ Events: [] });
    iam
      .on(GetCredentialReportCommand)
      .resolves(report(`<root_account>,arn:aws:iam::${MEMBER}:root,2020-01-01T00:00:00+00:00,not_supported,2025-06-10T07:00:00+00:00,not_supported,not_supported,false,true,2019-01-01T00:00:00+00:00,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`));
    const { audit } = await auditAccount(context(), MEMBER);
    expect(audit.rootUser).toEqual({
      arn: `arn:aws:iam::${MEMBER}:root`,
      mfaActive: false,
      passwordLastUsed: "2025-06-10T07:00:00.000Z",
      accessKeys: [{ keyId: null, slot: 1, active: true, lastRotated: "2019-01-01T00:00:00.000Z", lastUsed: null }],
    });
  });

  it("leaves the root user unknown, with a note, when the report has no root row", async () => {
    trail.on(LookupEventsCommand).resolves({ Events: [] });
    const ctx = context();
    const { audit } = await auditAccount(ctx, MEMBER);
    expect(audit.rootUser).toBeNull();
    expect(ctx.notes.list.filter((n) => n.phase === "iam").map((n) => [n.accountId, n.message])).toEqual([[MEMBER, "the credential report has no <root_account> row: the root user is not checked"]]);
  });

  it("counts console sign-ins by identity type across LookupEvents pages", async () => {
    trail
      .on(LookupEventsCommand)
      .callsFake((input: LookupEventsCommandInput) =>
        input.NextToken === "p2" ? { Events: [event("Root"), event("IAMUser")] } : { Events: [event("IAMUser"), event("AssumedRole"), { CloudTrailEvent: "not json" }], NextToken: "p2" },
      );
    const { audit } = await auditAccount(context(), MEMBER);
    expect(audit.status).toBe("audited");
    expect(audit.consoleLogins).toEqual({ windowDays: 90, byIdentityType: { IAMUser: 2, AssumedRole: 1, Root: 1, Unknown: 1 }, longTermKeysInUse: 0, temporaryKeysInUse: null });
    const calls = trail.commandCalls(LookupEventsCommand).map((c) => c.args[0].input);
    // The SDK paginator reuses one input object, so only the last token is visible here.
    expect(calls).toHaveLength(2);
    expect(calls[1]?.NextToken).toBe("p2");
    expect(calls[0]?.LookupAttributes).toEqual([{ AttributeKey: "EventName", AttributeValue: "ConsoleLogin" }]);
    expect(calls[0]?.StartTime?.toISOString()).toBe("2025-03-17T00:00:00.000Z");
  });

  it("fails the account with the reason when a read is denied, without failing the run", async () => {
    trail.on(LookupEventsCommand).resolves({ Events: [] });
    const denied = new IAMServiceException({ name: "AccessDenied", $fault: "client", $metadata: { httpStatusCode: 403 }, message: "User: arn:aws:sts::222222222222:assumed-role/OrgLensAudit/orglens is not authorized to perform: iam:GetAccountAuthorizationDetails" });
    iam.on(GetAccountAuthorizationDetailsCommand).rejects(denied);
    const { audit } = await auditAccount(context(), MEMBER);
    expect(audit.status).toBe("failed");
    expect(audit.error).toMatch(/^iam:GetAccountAuthorizationDetails: access denied: AccessDenied: User: .* is not authorized/);
  });

  it("fails the account when its role cannot be assumed", async () => {
    const ctx = context();
    const config = ctx.config;
    const sessions = new AccountSessions("111111111111", "aws", config, new RequestMeter(1, "0.01"), { accessKeyId: "a", secretAccessKey: "b" }, () =>
      Promise.reject(new IAMServiceException({ name: "AccessDenied", $fault: "client", $metadata: {}, message: "not authorized to perform: sts:AssumeRole" })),
    );
    const { audit } = await auditAccount({ ...ctx, sessions }, MEMBER);
    expect(audit).toMatchObject({ status: "failed", error: `cannot assume arn:aws:iam::${MEMBER}:role/OrganizationAccountAccessRole: AccessDenied: not authorized to perform: sts:AssumeRole` });
  });

  it("skips a call the endpoint does not implement, notes it once per account, and keeps auditing", async () => {
    const html = Object.assign(new SyntaxError("Unexpected token '<'\n  Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object."), { $metadata: { httpStatusCode: 404 } });
    trail.on(LookupEventsCommand).rejects(html);
    const ctx = context();
    const first = await auditAccount(ctx, MEMBER);
    const second = await auditAccount(ctx, "333333333333");
    expect([first.audit.status, second.audit.status]).toEqual(["audited", "audited"]);
    expect(first.audit.consoleLogins).toBeNull();
    expect(trail.commandCalls(LookupEventsCommand)).toHaveLength(1);
    expect(ctx.notes.list.filter((n) => n.phase !== "iam").map((n) => [n.accountId, n.phase])).toEqual([
      [MEMBER, "unsupported"],
      ["333333333333", "unsupported"],
    ]);
  });
});
