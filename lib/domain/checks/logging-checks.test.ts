import { describe, expect, it } from "vitest";
import type { TSnapshot } from "@/lib/domain/snapshot";
import { LOG_ARCHIVE_ACCOUNT, logArchiveAccount } from "./log-archive-account";
import { LOG_ORG_TRAIL, logOrgTrail } from "./log-org-trail";
import { ACC, auditOf, findingsOf } from "@/testing/checks/fixtures";

const trail = (s: TSnapshot) => {
  const t = auditOf(s, ACC.mgmt).trails[0];
  if (!t) throw new Error("fixture has an org trail");
  return t;
};
const bucket = (s: TSnapshot) => {
  const b = s.buckets[0];
  if (!b) throw new Error("fixture has a bucket");
  return b;
};

describe(LOG_ORG_TRAIL, () => {
  it.each([
    { name: "compliant org trail: pass", mutate: () => undefined, expected: 0 },
    {
      name: "no trail at all",
      mutate: (s: TSnapshot) => void (auditOf(s, ACC.mgmt).trails = []),
      expected: 1,
    },
    {
      name: "single-region org trail",
      mutate: (s: TSnapshot) => void (trail(s).isMultiRegion = false),
      expected: 1,
    },
    {
      name: "org trail not logging",
      mutate: (s: TSnapshot) => void (trail(s).isLogging = false),
      expected: 1,
    },
    {
      name: "org trail without management events",
      mutate: (s: TSnapshot) => void (trail(s).includesManagementEvents = false),
      expected: 1,
    },
    {
      name: "an account trail is not an org trail",
      mutate: (s: TSnapshot) => void (trail(s).isOrganizationTrail = false),
      expected: 1,
    },
    {
      name: "org trail seen from a member account while the management audit failed: pass",
      mutate: (s: TSnapshot) => {
        auditOf(s, ACC.dev).trails = [trail(s)];
        auditOf(s, ACC.mgmt).status = "failed";
        auditOf(s, ACC.mgmt).trails = [];
      },
      expected: 0,
    },
  ])("$name", ({ mutate, expected }) => {
    const findings = findingsOf(logOrgTrail, mutate);
    expect(findings).toHaveLength(expected);
    for (const f of findings) expect(f.accountId).toBe(ACC.mgmt);
  });

  it("concludes nothing when no account could be audited", () => {
    const findings = findingsOf(logOrgTrail, (s) => {
      for (const a of s.audits) a.status = "failed";
    });
    expect(findings).toEqual([]);
  });
});

describe(LOG_ARCHIVE_ACCOUNT, () => {
  it.each([
    { name: "locked-down bucket in log-archive: pass", mutate: () => undefined, expected: null },
    {
      name: "bucket in the management account",
      mutate: (s: TSnapshot) => void (bucket(s).ownerAccountId = ACC.mgmt),
      expected: { accountId: ACC.mgmt, severity: "high" },
    },
    {
      name: "bucket in a workload account",
      mutate: (s: TSnapshot) => void (bucket(s).ownerAccountId = ACC.prod),
      expected: { accountId: ACC.prod, severity: "high" },
    },
    {
      name: "bucket outside the organization",
      mutate: (s: TSnapshot) => void (bucket(s).ownerAccountId = "999999999999"),
      expected: { accountId: "999999999999", severity: "high" },
    },
    {
      name: "no Object Lock",
      mutate: (s: TSnapshot) => void (bucket(s).objectLockEnabled = false),
      expected: { accountId: ACC.logArchive, severity: "medium" },
    },
    {
      name: "versioning suspended",
      mutate: (s: TSnapshot) => void (bucket(s).versioning = "Suspended"),
      expected: { accountId: ACC.logArchive, severity: "medium" },
    },
    {
      name: "one public access block setting off",
      mutate: (s: TSnapshot) => void (bucket(s).publicAccessBlock.restrictPublicBuckets = false),
      expected: { accountId: ACC.logArchive, severity: "high" },
    },
    {
      name: "bucket could not be read: no conclusion",
      mutate: (s: TSnapshot) => void (s.buckets = []),
      expected: null,
    },
  ])("$name", ({ mutate, expected }) => {
    const findings = findingsOf(logArchiveAccount, mutate);
    expect(findings.map((f) => ({ accountId: f.accountId, severity: f.severity }))).toEqual(
      expected ? [expected] : [],
    );
    for (const f of findings) expect(f.resource).toBe("s3://org-trail-logs");
  });
});

describe(`${LOG_ARCHIVE_ACCOUNT}: account trails`, () => {
  const localTrail = (bucketName: string) => ({
    arn: `arn:aws:cloudtrail:eu-west-1:${ACC.prod}:trail/shop-audit`,
    name: "shop-audit",
    homeRegion: "eu-west-1",
    isOrganizationTrail: false,
    isMultiRegion: false,
    isLogging: true,
    includesManagementEvents: true,
    s3BucketName: bucketName,
  });

  it("reports an account trail kept in its own workload account, without Object Lock, as medium", () => {
    const findings = findingsOf(logArchiveAccount, (s) => {
      auditOf(s, ACC.prod).trails = [localTrail("shop-trail-logs")];
      s.buckets.push({
        ...bucket(s),
        name: "shop-trail-logs",
        ownerAccountId: ACC.prod,
        objectLockEnabled: false,
      });
    });
    expect(
      findings.map((f) => ({ accountId: f.accountId, resource: f.resource, severity: f.severity })),
    ).toEqual([{ accountId: ACC.prod, resource: "s3://shop-trail-logs", severity: "medium" }]);
    expect(findings[0]?.evidence.organizationTrail).toBe(false);
  });

  it("accepts an account trail delivering to the log archive", () => {
    expect(
      findingsOf(
        logArchiveAccount,
        (s) => void (auditOf(s, ACC.prod).trails = [localTrail("org-trail-logs")]),
      ),
    ).toEqual([]);
  });

  it("reports a bucket shared by the org trail and an account trail once, as the org trail's", () => {
    const findings = findingsOf(logArchiveAccount, (s) => {
      auditOf(s, ACC.prod).trails = [localTrail("org-trail-logs")];
      bucket(s).ownerAccountId = ACC.prod;
    });
    expect(findings.map((f) => f.severity)).toEqual(["high"]);
    expect(findings[0]?.evidence.trails).toHaveLength(2);
  });
});
