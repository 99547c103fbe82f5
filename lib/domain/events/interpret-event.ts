// What an EventBridge event means for OrgLens, decided without AWS or the database: an IAM user that
// appeared or gained credentials, an account that joined, moved or left, a trail that stopped or went
// away, a trail bucket's policy replaced or deleted. Failed calls (errorCode) and calls OrgLens does
// not track mean nothing ("ignore", with why).
import { parsePolicyContent } from "@/lib/domain/checks/policy-grammar";
import type { TBucketPolicy, TPolicyDocument } from "@/lib/domain/snapshot";
import { textAt, type TCloudTrailDetail } from "./cloudtrail";

export type TEventChange =
  | {
      kind: "iam-user";
      accountId: string;
      userName: string;
      arn: string;
      /** What the call gave the user. */
      grant: "user" | "password" | "access-key";
    }
  | {
      kind: "account-joined";
      accountId: string;
      name: string | null;
      email: string | null;
      /** CreateAccountResult's request id ("car-…"): its CreateAccount call names the creator. */
      createAccountRequestId: string | null;
      /** AcceptHandshake's handshake: its InviteAccountToOrganization call names the inviter. */
      handshakeId: string | null;
    }
  | { kind: "account-moved"; accountId: string; fromOuId: string; toOuId: string }
  | { kind: "account-left"; accountId: string }
  | {
      kind: "trail";
      accountId: string;
      trail: string;
      action: "stopped" | "deleted" | "updated";
      /** UpdateTrail's settings that the organization-trail check reads, when the call set them. */
      set: { isMultiRegion?: boolean; isOrganizationTrail?: boolean };
    }
  | {
      kind: "role-trust";
      accountId: string;
      roleName: string;
      /** The new trust policy, parsed as the collector parses GetRole's. */
      trustPolicy: TPolicyDocument;
    }
  | {
      kind: "scp";
      policyId: string;
      /** DetachPolicy: the target it left (root, OU or account); DeletePolicy: null. */
      targetId: string | null;
      action: "detached" | "deleted";
    }
  | {
      kind: "bucket-policy";
      /** The account the call acted on (the bucket's owner, for a bucket policy call). */
      accountId: string;
      bucket: string;
      /** PutBucketPolicy: the new policy; DeleteBucketPolicy: none. */
      policy: TBucketPolicy;
    }
  | { kind: "ignore"; why: string };

/** The CloudTrail event names the template forwards and OrgLens reads (the rest are ignored). */
export const FORWARDED_EVENT_NAMES = [
  "CreateUser",
  "CreateLoginProfile",
  "CreateAccessKey",
  "CreateAccount",
  "CreateAccountResult",
  "InviteAccountToOrganization",
  "AcceptHandshake",
  "MoveAccount",
  "RemoveAccountFromOrganization",
  "LeaveOrganization",
  "StopLogging",
  "DeleteTrail",
  "UpdateTrail",
  "PutBucketPolicy",
  "DeleteBucketPolicy",
  "DetachPolicy",
  "DeletePolicy",
  "UpdateAssumeRolePolicy",
] as const;

const ignore = (why: string): TEventChange => ({ kind: "ignore", why });

/**
 * `envelopeAccount` is the EventBridge `account` (where the event was emitted); CloudTrail's
 * recipientAccountId names the account the call acted on, when present.
 */
export function interpretEvent(envelopeAccount: string, d: TCloudTrailDetail): TEventChange {
  if (d.errorCode) return ignore(`the call failed (${d.errorCode}): nothing changed in AWS`);
  const account = d.recipientAccountId ?? envelopeAccount;
  const req = d.requestParameters;
  const res = d.responseElements;
  switch (`${d.eventSource} ${d.eventName}`) {
    case "iam.amazonaws.com CreateUser":
    case "iam.amazonaws.com CreateLoginProfile":
    case "iam.amazonaws.com CreateAccessKey": {
      const userName =
        textAt(res, "user", "userName") ??
        textAt(res, "loginProfile", "userName") ??
        textAt(res, "accessKey", "userName") ??
        textAt(req, "userName");
      // CreateAccessKey without a userName creates a key for the caller itself.
      const callerUser = d.userIdentity?.type === "IAMUser" ? textAt(d.userIdentity, "arn") : null;
      if (!userName && !callerUser) return ignore("no user name in the request or response");
      const path = textAt(res, "user", "path") ?? textAt(req, "path") ?? "/";
      const arn =
        textAt(res, "user", "arn") ??
        (userName ? `arn:aws:iam::${account}:user${path}${userName}` : (callerUser ?? ""));
      const grant =
        d.eventName === "CreateUser"
          ? "user"
          : d.eventName === "CreateLoginProfile"
            ? "password"
            : "access-key";
      return {
        kind: "iam-user",
        accountId: account,
        userName: userName ?? arn.split("/").at(-1) ?? arn,
        arn,
        grant,
      };
    }
    case "iam.amazonaws.com UpdateAssumeRolePolicy": {
      const roleName = textAt(req, "roleName");
      const text = textAt(req, "policyDocument");
      if (!roleName || !text) return ignore("UpdateAssumeRolePolicy without role or policy");
      const trustPolicy = parsePolicyContent(text);
      if (!trustPolicy) return ignore("the new trust policy is not a policy document");
      return { kind: "role-trust", accountId: account, roleName, trustPolicy };
    }
    case "s3.amazonaws.com PutBucketPolicy":
    case "s3.amazonaws.com DeleteBucketPolicy": {
      const bucket = textAt(req, "bucketName");
      if (!bucket) return ignore(`${d.eventName} without a bucket name`);
      if (d.eventName === "DeleteBucketPolicy")
        return { kind: "bucket-policy", accountId: account, bucket, policy: { status: "none" } };
      // CloudTrail records the policy as an object; accept it as JSON text too.
      const raw = req?.["bucketPolicy"];
      const document =
        typeof raw === "string"
          ? parsePolicyContent(raw)
          : typeof raw === "object" && raw !== null
            ? parsePolicyContent(JSON.stringify(raw))
            : null;
      if (!document) return ignore("the new bucket policy is not a policy document");
      return {
        kind: "bucket-policy",
        accountId: account,
        bucket,
        policy: { status: "present", document },
      };
    }
    case "organizations.amazonaws.com DetachPolicy": {
      const policyId = textAt(req, "policyId");
      const targetId = textAt(req, "targetId");
      if (!policyId || !targetId) return ignore("DetachPolicy without policy or target");
      return { kind: "scp", policyId, targetId, action: "detached" };
    }
    case "organizations.amazonaws.com DeletePolicy": {
      const policyId = textAt(req, "policyId");
      if (!policyId) return ignore("DeletePolicy without a policy id");
      return { kind: "scp", policyId, targetId: null, action: "deleted" };
    }
    case "organizations.amazonaws.com MoveAccount": {
      const accountId = textAt(req, "accountId");
      const from = textAt(req, "sourceParentId");
      const to = textAt(req, "destinationParentId");
      if (!accountId || !from || !to) return ignore("MoveAccount without account or parents");
      return { kind: "account-moved", accountId, fromOuId: from, toOuId: to };
    }
    case "organizations.amazonaws.com CreateAccountResult": {
      const status = d.serviceEventDetails?.["createAccountStatus"];
      const accountId = textAt(status, "accountId");
      if (textAt(status, "state") !== "SUCCEEDED" || !accountId)
        return ignore("the account creation did not succeed");
      return {
        kind: "account-joined",
        accountId,
        name: textAt(status, "accountName"),
        email: null,
        createAccountRequestId: textAt(status, "id"),
        handshakeId: null,
      };
    }
    case "organizations.amazonaws.com AcceptHandshake": {
      // The invited account accepts: the caller's account joins the organization.
      const accountId = d.userIdentity?.accountId ?? d.recipientAccountId ?? null;
      if (!accountId) return ignore("AcceptHandshake without the accepting account");
      return {
        kind: "account-joined",
        accountId,
        name: null,
        email: null,
        createAccountRequestId: null,
        handshakeId: textAt(req, "handshakeId"),
      };
    }
    case "organizations.amazonaws.com RemoveAccountFromOrganization": {
      const accountId = textAt(req, "accountId");
      return accountId ? { kind: "account-left", accountId } : ignore("no account id");
    }
    case "organizations.amazonaws.com LeaveOrganization": {
      const accountId = d.userIdentity?.accountId ?? d.recipientAccountId ?? null;
      return accountId ? { kind: "account-left", accountId } : ignore("no account id");
    }
    case "organizations.amazonaws.com CreateAccount":
    case "organizations.amazonaws.com InviteAccountToOrganization":
      return ignore("pending until the account joins (CreateAccountResult / AcceptHandshake)");
    case "cloudtrail.amazonaws.com StopLogging":
    case "cloudtrail.amazonaws.com DeleteTrail":
    case "cloudtrail.amazonaws.com UpdateTrail": {
      const trail = textAt(req, "name");
      if (!trail) return ignore("no trail name");
      const action =
        d.eventName === "StopLogging"
          ? "stopped"
          : d.eventName === "DeleteTrail"
            ? "deleted"
            : "updated";
      const flag = (key: string) => (typeof req?.[key] === "boolean" ? req[key] : undefined);
      const set = {
        ...(flag("isMultiRegionTrail") === undefined
          ? {}
          : { isMultiRegion: flag("isMultiRegionTrail") }),
        ...(flag("isOrganizationTrail") === undefined
          ? {}
          : { isOrganizationTrail: flag("isOrganizationTrail") }),
      };
      return { kind: "trail", accountId: account, trail, action, set };
    }
    default:
      return ignore(`${d.eventSource} ${d.eventName} is not an event OrgLens acts on`);
  }
}
