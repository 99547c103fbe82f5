import { describe, expect, it } from "vitest";
import {
  adminSession,
  cloudTrailEvent,
  createAccessKeyEvent,
  createAccountResultEvent,
  createLoginProfileEvent,
  createUserEvent,
  deleteBucketPolicyEvent,
  deletePolicyEvent,
  detachPolicyEvent,
  moveAccountEvent,
  putBucketPolicyEvent,
  updateAssumeRolePolicyEvent,
} from "@/testing/events";
import { ZCloudTrailDetail, actorOf } from "./cloudtrail";
import { interpretEvent } from "./interpret-event";

const ACCOUNT = "111122223333";
const MGMT = "999988887777";

const read = (e: { account: string; detail: unknown }) =>
  interpretEvent(e.account, ZCloudTrailDetail.parse(e.detail));

describe("interpretEvent", () => {
  it.each([
    ["CreateUser", createUserEvent(ACCOUNT, "eve"), "user"],
    ["CreateLoginProfile", createLoginProfileEvent(ACCOUNT, "eve"), "password"],
    ["CreateAccessKey", createAccessKeyEvent(ACCOUNT, "eve"), "access-key"],
  ])("%s names the user by the ARN the collector reads", (_name, event, grant) => {
    expect(read(event)).toEqual({
      kind: "iam-user",
      accountId: ACCOUNT,
      userName: "eve",
      arn: `arn:aws:iam::${ACCOUNT}:user/eve`,
      grant,
    });
  });

  it("keeps a user's IAM path in the ARN", () => {
    const e = createUserEvent(ACCOUNT, "svc", {
      requestParameters: { userName: "svc", path: "/ci/" },
      responseElements: null,
    });
    expect(read(e)).toMatchObject({ arn: `arn:aws:iam::${ACCOUNT}:user/ci/svc` });
  });

  it("a failed call changes nothing, whatever it asked", () => {
    const e = createUserEvent(ACCOUNT, "eve", { errorCode: "AccessDenied" });
    expect(read(e)).toEqual({
      kind: "ignore",
      why: "the call failed (AccessDenied): nothing changed in AWS",
    });
  });

  it("an assumed-role session (sts:AssumeRole) creates nothing", () => {
    const e = cloudTrailEvent({
      account: ACCOUNT,
      source: "aws.sts",
      eventName: "AssumeRole",
      requestParameters: { roleArn: `arn:aws:iam::${ACCOUNT}:role/ci`, roleSessionName: "ci" },
    });
    expect(read(e)).toMatchObject({ kind: "ignore" });
  });

  it("an IAM call OrgLens does not track (CreateRole) is ignored, not guessed at", () => {
    const e = cloudTrailEvent({
      account: ACCOUNT,
      source: "aws.iam",
      eventName: "CreateRole",
      requestParameters: { roleName: "app" },
    });
    expect(read(e)).toMatchObject({ kind: "ignore" });
  });

  it("MoveAccount names the account and both parents", () => {
    expect(read(moveAccountEvent(MGMT, ACCOUNT, "ou-a", "ou-b"))).toEqual({
      kind: "account-moved",
      accountId: ACCOUNT,
      fromOuId: "ou-a",
      toOuId: "ou-b",
    });
  });

  it("CreateAccountResult joins the account only when the creation succeeded", () => {
    const ok = createAccountResultEvent(MGMT, ACCOUNT, "shop-dev");
    expect(read(ok)).toEqual({
      kind: "account-joined",
      accountId: ACCOUNT,
      name: "shop-dev",
      email: null,
      createAccountRequestId: "car-0123456789abcdef",
      handshakeId: null,
    });
    const failed = {
      ...ok,
      detail: {
        ...ok.detail,
        serviceEventDetails: {
          createAccountStatus: { state: "FAILED", failureReason: "EMAIL_ALREADY_EXISTS" },
        },
      },
    };
    expect(read(failed)).toMatchObject({ kind: "ignore" });
  });

  it("UpdateTrail carries only the settings the call set", () => {
    const e = cloudTrailEvent({
      account: MGMT,
      source: "aws.cloudtrail",
      eventName: "UpdateTrail",
      requestParameters: { name: "org-trail", isMultiRegionTrail: false },
    });
    expect(read(e)).toEqual({
      kind: "trail",
      accountId: MGMT,
      trail: "org-trail",
      action: "updated",
      set: { isMultiRegion: false },
    });
  });

  it("UpdateAssumeRolePolicy carries the new trust policy, as JSON text or URL-encoded", () => {
    const policy = {
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { AWS: MGMT }, Action: "sts:AssumeRole" }],
    };
    const expected = {
      kind: "role-trust",
      accountId: ACCOUNT,
      roleName: "vendor",
      trustPolicy: policy,
    };
    expect(read(updateAssumeRolePolicyEvent(ACCOUNT, "vendor", policy))).toEqual(expected);
    const encoded = updateAssumeRolePolicyEvent(ACCOUNT, "vendor", policy);
    encoded.detail.requestParameters = {
      roleName: "vendor",
      policyDocument: encodeURIComponent(JSON.stringify(policy)),
    };
    expect(read(encoded)).toEqual(expected);
    const broken = updateAssumeRolePolicyEvent(ACCOUNT, "vendor", policy);
    broken.detail.requestParameters = { roleName: "vendor", policyDocument: "{not json" };
    expect(read(broken)).toMatchObject({ kind: "ignore" });
  });

  it("DetachPolicy names the policy and its former target; DeletePolicy the policy", () => {
    expect(read(detachPolicyEvent(MGMT, "p-abc12345", "ou-ab12-cd34ef56"))).toEqual({
      kind: "scp",
      policyId: "p-abc12345",
      targetId: "ou-ab12-cd34ef56",
      action: "detached",
    });
    expect(read(deletePolicyEvent(MGMT, "p-abc12345"))).toEqual({
      kind: "scp",
      policyId: "p-abc12345",
      targetId: null,
      action: "deleted",
    });
    const refused = { ...deletePolicyEvent(MGMT, "p-abc12345") };
    refused.detail = { ...refused.detail, errorCode: "PolicyInUseException" };
    expect(read(refused)).toMatchObject({ kind: "ignore" });
  });

  it("names the actor by ARN, else by the service that invoked the call", () => {
    const e = createUserEvent(ACCOUNT, "eve");
    expect(actorOf(ZCloudTrailDetail.parse(e.detail))).toBe(adminSession(ACCOUNT).arn);
    const svc = createAccountResultEvent(MGMT, ACCOUNT, "x");
    expect(actorOf(ZCloudTrailDetail.parse(svc.detail))).toBe("AWS Internal");
  });
});

describe("interpretEvent: bucket policies", () => {
  const doc = {
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:DeleteObject", Resource: "*" }],
  };

  it("PutBucketPolicy carries the new policy (an object in CloudTrail, or JSON text)", () => {
    const expected = {
      kind: "bucket-policy",
      accountId: ACCOUNT,
      bucket: "org-trail-logs",
      policy: { status: "present", document: doc },
    };
    expect(read(putBucketPolicyEvent(ACCOUNT, "org-trail-logs", doc))).toEqual(expected);
    expect(read(putBucketPolicyEvent(ACCOUNT, "org-trail-logs", JSON.stringify(doc)))).toEqual(
      expected,
    );
  });

  it("DeleteBucketPolicy leaves the bucket without a policy", () => {
    expect(read(deleteBucketPolicyEvent(ACCOUNT, "org-trail-logs"))).toEqual({
      kind: "bucket-policy",
      accountId: ACCOUNT,
      bucket: "org-trail-logs",
      policy: { status: "none" },
    });
  });

  it("a refused call, a missing bucket or a policy that is not one change nothing", () => {
    const refused = putBucketPolicyEvent(ACCOUNT, "org-trail-logs", doc);
    refused.detail = { ...refused.detail, errorCode: "MalformedPolicy" };
    expect(read(refused)).toMatchObject({ kind: "ignore" });
    const noBucket = putBucketPolicyEvent(ACCOUNT, "", doc);
    expect(read(noBucket)).toEqual({
      kind: "ignore",
      why: "PutBucketPolicy without a bucket name",
    });
    expect(read(putBucketPolicyEvent(ACCOUNT, "org-trail-logs", "{not json"))).toEqual({
      kind: "ignore",
      why: "the new bucket policy is not a policy document",
    });
  });
});
