// EventBridge events shaped as AWS delivers "AWS API Call via CloudTrail" (and the Organizations
// service event), following the layout of AWS's documented examples: the envelope, then the
// CloudTrail record in `detail` (userIdentity, eventSource, eventName, request/response elements).
import { randomUUID } from "node:crypto";

export interface CloudTrailCall {
  account: string;
  source: "aws.iam" | "aws.organizations" | "aws.cloudtrail" | "aws.s3" | "aws.sts";
  eventName: string;
  requestParameters?: Record<string, unknown> | null;
  responseElements?: Record<string, unknown> | null;
  /** Defaults to an SSO admin's assumed-role session in `account`. */
  userIdentity?: Record<string, unknown>;
  errorCode?: string;
  time?: Date;
  id?: string;
}

export const adminSession = (account: string) => ({
  type: "AssumedRole",
  principalId: "AROAEXAMPLEID:jane@corp.example",
  arn: `arn:aws:sts::${account}:assumed-role/AWSReservedSSO_AdministratorAccess_0123/jane@corp.example`,
  accountId: account,
  accessKeyId: "ASIAEXAMPLEKEY",
  sessionContext: {
    sessionIssuer: {
      type: "Role",
      principalId: "AROAEXAMPLEID",
      arn: `arn:aws:iam::${account}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_AdministratorAccess_0123`,
      accountId: account,
      userName: "AWSReservedSSO_AdministratorAccess_0123",
    },
    attributes: { creationDate: "2026-12-02T09:00:00Z", mfaAuthenticated: "false" },
  },
});

export function cloudTrailEvent(c: CloudTrailCall) {
  const time = (c.time ?? new Date()).toISOString().replace(/\.\d{3}Z$/, "Z");
  const service = c.source.slice(4);
  const global = service === "iam" || service === "organizations";
  return {
    version: "0",
    id: c.id ?? randomUUID(),
    "detail-type": "AWS API Call via CloudTrail",
    source: c.source,
    account: c.account,
    time,
    region: "us-east-1",
    resources: [],
    detail: {
      eventVersion: "1.08",
      userIdentity: c.userIdentity ?? adminSession(c.account),
      eventTime: time,
      eventSource: `${service}.amazonaws.com`,
      eventName: c.eventName,
      awsRegion: "us-east-1",
      sourceIPAddress: "198.51.100.7",
      userAgent: "aws-cli/2.15.0",
      ...(c.errorCode ? { errorCode: c.errorCode, errorMessage: `${c.errorCode} (test)` } : {}),
      requestParameters: c.requestParameters ?? null,
      responseElements: c.errorCode ? null : (c.responseElements ?? null),
      requestID: randomUUID(),
      eventID: randomUUID(),
      readOnly: false,
      eventType: "AwsApiCall",
      managementEvent: true,
      recipientAccountId: c.account,
      eventCategory: "Management",
      ...(global ? {} : { tlsDetails: { tlsVersion: "TLSv1.3" } }),
    },
  };
}

/** iam:CreateUser as CloudTrail records it (responseElements.user). */
export const createUserEvent = (
  account: string,
  userName: string,
  extra: Partial<CloudTrailCall> = {},
) =>
  cloudTrailEvent({
    account,
    source: "aws.iam",
    eventName: "CreateUser",
    requestParameters: { userName },
    responseElements: {
      user: {
        path: "/",
        userName,
        userId: "AIDAEXAMPLEUSERID",
        arn: `arn:aws:iam::${account}:user/${userName}`,
        createDate: "Dec 2, 2026, 9:15:03 AM",
      },
    },
    ...extra,
  });

export const createAccessKeyEvent = (account: string, userName: string) =>
  cloudTrailEvent({
    account,
    source: "aws.iam",
    eventName: "CreateAccessKey",
    requestParameters: { userName },
    responseElements: {
      accessKey: {
        userName,
        accessKeyId: "AKIAEXAMPLEKEYID",
        status: "Active",
        createDate: "Dec 2, 2026, 9:16:40 AM",
      },
    },
  });

export const createLoginProfileEvent = (account: string, userName: string) =>
  cloudTrailEvent({
    account,
    source: "aws.iam",
    eventName: "CreateLoginProfile",
    requestParameters: { userName, passwordResetRequired: true },
    responseElements: {
      loginProfile: {
        userName,
        createDate: "Dec 2, 2026, 9:17:10 AM",
        passwordResetRequired: true,
      },
    },
  });

/** organizations:MoveAccount, recorded in the management account. */
export const moveAccountEvent = (management: string, accountId: string, from: string, to: string) =>
  cloudTrailEvent({
    account: management,
    source: "aws.organizations",
    eventName: "MoveAccount",
    requestParameters: { accountId, sourceParentId: from, destinationParentId: to },
  });

export const removeAccountEvent = (management: string, accountId: string) =>
  cloudTrailEvent({
    account: management,
    source: "aws.organizations",
    eventName: "RemoveAccountFromOrganization",
    requestParameters: { accountId },
  });

/** organizations:CreateAccount as CloudTrail records it: the response names the request id only. */
export const createAccountEvent = (
  management: string,
  requestId: string,
  name: string,
  userIdentity?: Record<string, unknown>,
) =>
  cloudTrailEvent({
    account: management,
    source: "aws.organizations",
    eventName: "CreateAccount",
    requestParameters: { accountName: name, email: "HIDDEN_DUE_TO_SECURITY_REASONS" },
    responseElements: {
      createAccountStatus: {
        id: requestId,
        state: "IN_PROGRESS",
        accountName: "HIDDEN_DUE_TO_SECURITY_REASONS",
        requestedTimestamp: "Dec 2, 2026, 9:00:00 AM",
      },
    },
    ...(userIdentity ? { userIdentity } : {}),
  });

/** The service event Organizations emits when CreateAccount finishes. */
export function createAccountResultEvent(
  management: string,
  accountId: string,
  name: string,
  requestId = "car-0123456789abcdef",
) {
  const e = cloudTrailEvent({
    account: management,
    source: "aws.organizations",
    eventName: "CreateAccountResult",
    userIdentity: { accountId: management, invokedBy: "AWS Internal" },
  });
  return {
    ...e,
    "detail-type": "AWS Service Event via CloudTrail",
    detail: {
      ...e.detail,
      eventType: "AwsServiceEvent",
      requestParameters: null,
      serviceEventDetails: {
        createAccountStatus: {
          id: requestId,
          state: "SUCCEEDED",
          accountName: name,
          accountId,
          requestedTimestamp: "Dec 2, 2026, 9:00:00 AM",
          completedTimestamp: "Dec 2, 2026, 9:01:30 AM",
        },
      },
    },
  };
}

/** cloudtrail:StopLogging (requestParameters.name: the trail's name or ARN). */
export const stopLoggingEvent = (account: string, name: string) =>
  cloudTrailEvent({
    account,
    source: "aws.cloudtrail",
    eventName: "StopLogging",
    requestParameters: { name },
  });

/** iam:UpdateAssumeRolePolicy: CloudTrail records the new trust policy as JSON text. */
export const updateAssumeRolePolicyEvent = (account: string, roleName: string, policy: unknown) =>
  cloudTrailEvent({
    account,
    source: "aws.iam",
    eventName: "UpdateAssumeRolePolicy",
    requestParameters: { roleName, policyDocument: JSON.stringify(policy) },
  });

/** organizations:DetachPolicy (requestParameters: policyId, targetId). */
export const detachPolicyEvent = (management: string, policyId: string, targetId: string) =>
  cloudTrailEvent({
    account: management,
    source: "aws.organizations",
    eventName: "DetachPolicy",
    requestParameters: { policyId, targetId },
  });

/** organizations:DeletePolicy (AWS refuses it while the policy is attached anywhere). */
export const deletePolicyEvent = (management: string, policyId: string) =>
  cloudTrailEvent({
    account: management,
    source: "aws.organizations",
    eventName: "DeletePolicy",
    requestParameters: { policyId },
  });

/** organizations:InviteAccountToOrganization: the response carries the handshake the account accepts. */
export const inviteAccountEvent = (management: string, accountId: string, handshakeId: string) =>
  cloudTrailEvent({
    account: management,
    source: "aws.organizations",
    eventName: "InviteAccountToOrganization",
    requestParameters: { target: { id: accountId, type: "ACCOUNT" } },
    responseElements: {
      handshake: {
        id: handshakeId,
        state: "OPEN",
        action: "INVITE",
        parties: [
          { id: accountId, type: "ACCOUNT" },
          { id: management, type: "ACCOUNT" },
        ],
      },
    },
  });

/** organizations:AcceptHandshake, called by the invited account. */
export const acceptHandshakeEvent = (accountId: string, handshakeId: string) =>
  cloudTrailEvent({
    account: accountId,
    source: "aws.organizations",
    eventName: "AcceptHandshake",
    requestParameters: { handshakeId },
    responseElements: { handshake: { id: handshakeId, state: "ACCEPTED", action: "INVITE" } },
  });

/** s3:PutBucketPolicy as CloudTrail records it: the policy as an object in requestParameters.bucketPolicy. */
export const putBucketPolicyEvent = (account: string, bucketName: string, policy: unknown) =>
  cloudTrailEvent({
    account,
    source: "aws.s3",
    eventName: "PutBucketPolicy",
    requestParameters: {
      bucketName,
      Host: `${bucketName}.s3.us-east-1.amazonaws.com`,
      bucketPolicy: policy,
      policy: [""],
    },
  });

/** s3:DeleteBucketPolicy (requestParameters: bucketName, policy). */
export const deleteBucketPolicyEvent = (account: string, bucketName: string) =>
  cloudTrailEvent({
    account,
    source: "aws.s3",
    eventName: "DeleteBucketPolicy",
    requestParameters: {
      bucketName,
      Host: `${bucketName}.s3.us-east-1.amazonaws.com`,
      policy: [""],
    },
  });
