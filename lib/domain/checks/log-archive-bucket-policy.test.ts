import { describe, expect, it } from "vitest";
import type { TSnapshot } from "@/lib/domain/snapshot";
import {
  ACC,
  EXTERNAL_ACCOUNT,
  ORG_ID,
  auditOf,
  baselineSnapshot,
  cloudTrailBucketPolicy,
  findingsOf,
} from "@/testing/checks/fixtures";
import {
  LOG_ARCHIVE_BUCKET_POLICY,
  logArchiveBucketPolicy,
  outsideTamperGrants,
  TAMPER_ACTIONS,
} from "./log-archive-bucket-policy";

const BUCKET = "arn:aws:s3:::org-trail-logs";
const OBJECTS = `${BUCKET}/*`;
const ctx = { orgId: ORG_ID, accountIds: new Set<string>(Object.values(ACC)) };

/** The documented CloudTrail policy plus `extra` statements. */
function policyWith(...extra: Record<string, unknown>[]) {
  const base = cloudTrailBucketPolicy("org-trail-logs");
  const statements = Array.isArray(base.Statement) ? base.Statement : [base.Statement];
  return { Version: "2012-10-17", Statement: [...statements, ...extra] };
}

const withPolicy =
  (...extra: Record<string, unknown>[]) =>
  (s: TSnapshot) => {
    const b = s.buckets[0];
    if (!b) throw new Error("fixture has a bucket");
    b.policy = { status: "present", document: policyWith(...extra) };
  };

describe(`${LOG_ARCHIVE_BUCKET_POLICY}: statements that let outsiders tamper`, () => {
  it.each([
    {
      name: "Principal * on s3:DeleteObject (string Action)",
      st: { Effect: "Allow", Principal: "*", Action: "s3:DeleteObject", Resource: OBJECTS },
      who: ["anyone (*)"],
      actions: ["s3:DeleteObject"],
    },
    {
      name: 'Principal {AWS: "*"} on s3:Delete* (wildcard)',
      st: { Effect: "Allow", Principal: { AWS: "*" }, Action: "s3:Delete*", Resource: OBJECTS },
      who: ["anyone (*)"],
      actions: [
        "s3:DeleteObject",
        "s3:DeleteObjectVersion",
        "s3:DeleteBucket",
        "s3:DeleteBucketPolicy",
      ],
    },
    {
      name: "another account's root on s3:PutBucketPolicy (array Action, array Principal)",
      st: {
        Effect: "Allow",
        Principal: { AWS: [`arn:aws:iam::${ACC.logArchive}:root`, EXTERNAL_ACCOUNT] },
        Action: ["s3:GetObject", "s3:PutBucketPolicy"],
        Resource: BUCKET,
      },
      who: [EXTERNAL_ACCOUNT],
      actions: ["s3:PutBucketPolicy"],
    },
    {
      name: "another account's role on s3:PutLifecycleConfiguration",
      st: {
        Effect: "Allow",
        Principal: { AWS: `arn:aws:iam::${EXTERNAL_ACCOUNT}:role/cleanup` },
        Action: "s3:PutLifecycleConfiguration",
        Resource: BUCKET,
      },
      who: [`arn:aws:iam::${EXTERNAL_ACCOUNT}:role/cleanup`],
      actions: ["s3:PutLifecycleConfiguration"],
    },
    {
      name: "s3:* to anyone with only a network condition (not an organization one)",
      st: {
        Effect: "Allow",
        Principal: "*",
        Action: "s3:*",
        Resource: [BUCKET, OBJECTS],
        Condition: { IpAddress: { "aws:SourceIp": "203.0.113.0/24" } },
      },
      who: ["anyone (*)"],
      actions: [...TAMPER_ACTIONS, "s3:PutObject"],
    },
    {
      name: "NotAction: everything but reads, to anyone",
      st: { Effect: "Allow", Principal: "*", NotAction: "s3:Get*", Resource: OBJECTS },
      who: ["anyone (*)"],
      actions: [...TAMPER_ACTIONS, "s3:PutObject"],
    },
    {
      name: "NotPrincipal Allow: everyone but one role",
      st: {
        Effect: "Allow",
        NotPrincipal: { AWS: `arn:aws:iam::${ACC.logArchive}:role/reader` },
        Action: "s3:DeleteObjectVersion",
        Resource: OBJECTS,
      },
      who: [`anyone except arn:aws:iam::${ACC.logArchive}:role/reader (NotPrincipal)`],
      actions: ["s3:DeleteObjectVersion"],
    },
    {
      name: "an outside account writing objects (forged logs)",
      st: {
        Effect: "Allow",
        Principal: { AWS: EXTERNAL_ACCOUNT },
        Action: "s3:PutObject",
        Resource: OBJECTS,
      },
      who: [EXTERNAL_ACCOUNT],
      actions: ["s3:PutObject"],
    },
    {
      name: "a service without a source condition on s3:DeleteObject",
      st: {
        Effect: "Allow",
        Principal: { Service: "s3.amazonaws.com" },
        Action: "s3:DeleteObject",
        Resource: OBJECTS,
      },
      who: ["service s3.amazonaws.com"],
      actions: ["s3:DeleteObject"],
    },
    {
      name: "aws:PrincipalOrgID naming another organization",
      st: {
        Effect: "Allow",
        Principal: "*",
        Action: "s3:DeleteObject",
        Resource: OBJECTS,
        Condition: { StringEquals: { "aws:PrincipalOrgID": "o-someoneelse" } },
      },
      who: ["anyone (*)"],
      actions: ["s3:DeleteObject"],
    },
    {
      name: "aws:PrincipalOrgID under StringEqualsIfExists (absent key lets anyone in)",
      st: {
        Effect: "Allow",
        Principal: "*",
        Action: "s3:DeleteObject",
        Resource: OBJECTS,
        Condition: { StringEqualsIfExists: { "aws:PrincipalOrgID": ORG_ID } },
      },
      who: ["anyone (*)"],
      actions: ["s3:DeleteObject"],
    },
  ])("flags $name", ({ st, who, actions }) => {
    const grants = outsideTamperGrants(policyWith(st), ctx);
    expect(grants).toHaveLength(1);
    expect(grants[0]?.who).toEqual(who);
    expect(grants[0]?.actions).toEqual(actions);
  });
});

describe(`${LOG_ARCHIVE_BUCKET_POLICY}: look-alikes that must not be flagged`, () => {
  it.each([
    { name: "the documented CloudTrail delivery statements alone", st: [] },
    {
      name: "CloudTrail delivery with only the s3:x-amz-acl condition (older template)",
      st: [
        {
          Effect: "Allow",
          Principal: { Service: "cloudtrail.amazonaws.com" },
          Action: "s3:PutObject",
          Resource: OBJECTS,
          Condition: { StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control" } },
        },
      ],
    },
    {
      name: "Deny with Principal * (deny insecure transport)",
      st: [
        {
          Sid: "DenyInsecureTransport",
          Effect: "Deny",
          Principal: "*",
          Action: "s3:*",
          Resource: [BUCKET, OBJECTS],
          Condition: { Bool: { "aws:SecureTransport": "false" } },
        },
      ],
    },
    {
      name: "Deny delete to everyone",
      st: [{ Effect: "Deny", Principal: { AWS: "*" }, Action: "s3:Delete*", Resource: OBJECTS }],
    },
    {
      name: "Principal * Allow bound by aws:PrincipalOrgID to this organization",
      st: [
        {
          Effect: "Allow",
          Principal: "*",
          Action: ["s3:DeleteObject", "s3:PutBucketPolicy"],
          Resource: [BUCKET, OBJECTS],
          Condition: { StringEquals: { "aws:PrincipalOrgID": ORG_ID } },
        },
      ],
    },
    {
      name: "the log-archive account's own role",
      st: [
        {
          Effect: "Allow",
          Principal: { AWS: `arn:aws:iam::${ACC.logArchive}:role/archive-admin` },
          Action: "s3:*",
          Resource: [BUCKET, OBJECTS],
        },
      ],
    },
    {
      name: "anyone may read (no tamper action)",
      st: [
        {
          Effect: "Allow",
          Principal: "*",
          Action: ["s3:GetObject", "s3:List*"],
          Resource: OBJECTS,
        },
      ],
    },
    {
      name: "Allow delete to anyone, neutralized by a Deny for everyone outside the organization",
      st: [
        { Effect: "Allow", Principal: "*", Action: "s3:DeleteObject", Resource: OBJECTS },
        {
          Effect: "Deny",
          Principal: "*",
          Action: "s3:DeleteObject",
          Resource: OBJECTS,
          Condition: { StringNotEquals: { "aws:PrincipalOrgID": ORG_ID } },
        },
      ],
    },
    {
      name: "a service bound by aws:SourceAccount to an account of the organization",
      st: [
        {
          Effect: "Allow",
          Principal: { Service: "s3.amazonaws.com" },
          Action: "s3:DeleteObject",
          Resource: OBJECTS,
          Condition: { StringEquals: { "aws:SourceAccount": ACC.logArchive } },
        },
      ],
    },
  ])("$name", ({ st }) => {
    expect(outsideTamperGrants(policyWith(...st), ctx)).toEqual([]);
  });

  it("a statement object instead of a list is read the same way", () => {
    const one = { Effect: "Allow", Principal: "*", Action: "s3:DeleteObject", Resource: OBJECTS };
    expect(outsideTamperGrants({ Statement: one }, ctx)).toHaveLength(1);
  });
});

describe(`${LOG_ARCHIVE_BUCKET_POLICY} check`, () => {
  const anyoneDeletes = {
    Sid: "Cleanup",
    Effect: "Allow",
    Principal: "*",
    Action: "s3:DeleteObject",
    Resource: OBJECTS,
  };
  const outsiderPolicy = {
    Effect: "Allow",
    Principal: { AWS: EXTERNAL_ACCOUNT },
    Action: "s3:PutBucketPolicy",
    Resource: BUCKET,
  };

  it("passes the documented CloudTrail policy", () => {
    expect(findingsOf(logArchiveBucketPolicy)).toEqual([]);
  });

  it("flags the organization trail's bucket: critical when anyone may delete", () => {
    const [f, ...rest] = findingsOf(logArchiveBucketPolicy, withPolicy(anyoneDeletes));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      accountId: ACC.logArchive,
      resource: "s3://org-trail-logs",
      severity: "critical",
      evidence: {
        organizationTrail: true,
        grants: [{ sid: "Cleanup", who: ["anyone (*)"], actions: ["s3:DeleteObject"] }],
      },
    });
    expect(f?.message).toContain("anyone (*) may s3:DeleteObject (statement Cleanup)");
  });

  it("rates an outside account high on the organization trail's bucket, medium on an account trail's", () => {
    expect(findingsOf(logArchiveBucketPolicy, withPolicy(outsiderPolicy))[0]?.severity).toBe(
      "high",
    );
    const accountTrail = findingsOf(logArchiveBucketPolicy, (s) => {
      withPolicy(outsiderPolicy)(s);
      for (const t of auditOf(s, ACC.mgmt).trails) t.isOrganizationTrail = false;
    });
    expect(accountTrail[0]?.severity).toBe("medium");
  });

  it.each([
    { name: "no policy", policy: { status: "none" as const } },
    {
      name: "a policy that could not be read",
      policy: { status: "unknown" as const, reason: "AccessDenied" },
    },
  ])("judges nothing for $name", ({ policy }) => {
    const findings = findingsOf(logArchiveBucketPolicy, (s) => {
      const b = s.buckets[0];
      if (b) b.policy = policy;
    });
    expect(findings).toEqual([]);
  });

  it("leaves an unreadable policy undecided (its last finding is kept), a readable or absent one decided", () => {
    const snap = baselineSnapshot();
    const b = snap.buckets[0];
    if (!b) throw new Error("fixture has a bucket");
    expect(logArchiveBucketPolicy.undecided?.(snap, [])).toEqual([]);
    b.policy = { status: "none" };
    expect(logArchiveBucketPolicy.undecided?.(snap, [])).toEqual([]);
    b.policy = { status: "unknown", reason: "AccessDenied" };
    expect(logArchiveBucketPolicy.undecided?.(snap, [])).toEqual([
      {
        checkId: LOG_ARCHIVE_BUCKET_POLICY,
        accountId: ACC.logArchive,
        ouId: null,
        resource: "s3://org-trail-logs",
      },
    ]);
  });

  describe("a stored open finding whose bucket the snapshot does not hold", () => {
    const open = [
      {
        checkId: LOG_ARCHIVE_BUCKET_POLICY,
        accountId: ACC.logArchive,
        ouId: null,
        resource: "s3://org-trail-logs",
      },
    ];

    it("is kept when an audited trail still delivers to it (an S3 read failed, the bucket was dropped)", () => {
      const snap = baselineSnapshot();
      snap.buckets = [];
      expect(logArchiveBucketPolicy.undecided?.(snap, open)).toEqual(open);
    });

    it("is kept when the account defining the trail was not audited (its buckets were never listed)", () => {
      const snap = baselineSnapshot();
      snap.buckets = [];
      auditOf(snap, ACC.mgmt).status = "failed";
      expect(logArchiveBucketPolicy.undecided?.(snap, open)).toEqual(open);
    });

    it("is decided (resolved) when every account was audited and no trail delivers to it any more", () => {
      const snap = baselineSnapshot();
      snap.buckets = [];
      for (const t of auditOf(snap, ACC.mgmt).trails) t.s3BucketName = "elsewhere";
      expect(logArchiveBucketPolicy.undecided?.(snap, open)).toEqual([]);
    });

    it("is decided when the bucket was read with a readable policy (look-alike: present, clean)", () => {
      const snap = baselineSnapshot();
      expect(snap.buckets.map((b) => b.name)).toContain("org-trail-logs");
      expect(logArchiveBucketPolicy.undecided?.(snap, open)).toEqual([]);
    });
  });

  it("ignores a bucket no audited trail delivers to", () => {
    const findings = findingsOf(logArchiveBucketPolicy, (s) => {
      withPolicy(anyoneDeletes)(s);
      for (const t of auditOf(s, ACC.mgmt).trails) t.s3BucketName = "elsewhere";
    });
    expect(findings).toEqual([]);
  });
});
