import { describe, expect, it } from "vitest";
import type { TTrail } from "@/lib/domain/snapshot";
import { ownTrailBuckets } from "./trail-buckets";

const trail = (name: string, bucket: string | null, org = false): TTrail => ({
  arn: `arn:aws:cloudtrail:us-east-1:111111111111:trail/${name}`,
  name,
  homeRegion: "us-east-1",
  isOrganizationTrail: org,
  isMultiRegion: true,
  isLogging: true,
  includesManagementEvents: true,
  s3BucketName: bucket,
});

describe("ownTrailBuckets: what an account's own audit reads", () => {
  it("reads the buckets the account's trails write to and the account owns, each once, in name order", () => {
    const trails = [trail("b", "logs-b"), trail("a", "logs-a"), trail("a2", "logs-a")];
    expect(ownTrailBuckets(trails, ["logs-a", "logs-b", "unrelated"])).toEqual([
      "logs-a",
      "logs-b",
    ]);
  });

  it("leaves a trail bucket another account owns to the run (the organization trail's log archive)", () => {
    const trails = [trail("org-trail", "org-logs", true), trail("local", null)];
    // The management account owns neither the org trail's bucket nor any other trail bucket.
    expect(ownTrailBuckets(trails, ["management-scratch"])).toEqual([]);
  });

  it("reads nothing for an account that owns a trail bucket but has no trail writing to it (the log-archive account)", () => {
    expect(ownTrailBuckets([], ["org-logs"])).toEqual([]);
  });
});
