// Logs are evidence only if those they record cannot alter them: trail buckets belong in a dedicated
// log-archive account, immutable (Object Lock, versioning) and never public. The organization
// trail's bucket matters most; an account trail kept next to the workload it records is a lesser gap.
import type { TBucket, TTrail } from "@/lib/domain/snapshot";
import type { TCheck, TFinding, TSeverity } from "./types";
import { maxSeverity } from "./types";
import { indexSnapshot, type TOrgIndex } from "./org-index";
import { ouHasClass } from "./ou-classes";

export const LOG_ARCHIVE_ACCOUNT = "LOG_ARCHIVE_ACCOUNT";

interface TProblem {
  text: string;
  severity: TSeverity;
}

function problemsOf(index: TOrgIndex, bucket: TBucket, orgTrail: boolean): TProblem[] {
  const owner = bucket.ownerAccountId ? index.accountById.get(bucket.ownerAccountId) : undefined;
  const placement: TSeverity = orgTrail ? "high" : "medium";
  const problems: TProblem[] = [];
  if (bucket.ownerAccountId === index.managementAccountId)
    problems.push({ text: "it is owned by the management account", severity: "high" });
  else if (!owner)
    problems.push({
      text: `it is owned by ${bucket.ownerAccountId ?? "an unknown account"}, outside the organization`,
      severity: "high",
    });
  else if (!ouHasClass(index, owner.parentId, "security")) {
    problems.push({
      text: `its account ${owner.name} is not a dedicated log-archive account in the Security OU`,
      severity: placement,
    });
  }
  if (!bucket.objectLockEnabled) problems.push({ text: "Object Lock is off", severity: "medium" });
  if (bucket.versioning !== "Enabled")
    problems.push({ text: `versioning is ${bucket.versioning}`, severity: "medium" });
  const open = Object.entries(bucket.publicAccessBlock)
    .filter(([, on]) => !on)
    .map(([k]) => k);
  if (open.length)
    problems.push({
      text: `public access block is incomplete (${open.join(", ")} off)`,
      severity: "high",
    });
  return problems;
}

export const logArchiveAccount: TCheck = {
  definition: {
    id: LOG_ARCHIVE_ACCOUNT,
    title: "Trail buckets in a dedicated, locked-down log-archive account",
    category: "logging",
    defaultSeverity: "high",
    evidenceKind: "account-audit",
    remediation:
      "Deliver the organization trail (and any account trail) to a bucket in a dedicated log-archive account in the Security OU, " +
      "with Object Lock, versioning and all four S3 Block Public Access settings enabled.",
  },
  run(snap) {
    const index = indexSnapshot(snap);
    const buckets = new Map(snap.buckets.map((b) => [b.name, b]));
    const trailsByBucket = new Map<string, TTrail[]>();
    for (const { audit } of index.audited) {
      for (const t of audit.trails) {
        if (!t.s3BucketName) continue;
        const list = trailsByBucket.get(t.s3BucketName) ?? [];
        if (!list.some((x) => x.arn === t.arn)) list.push(t);
        trailsByBucket.set(t.s3BucketName, list);
      }
    }
    const out: TFinding[] = [];
    for (const [name, trails] of [...trailsByBucket].toSorted(([a], [b]) => a.localeCompare(b))) {
      // A bucket that could not be read gives no evidence; its last finding is kept.
      const bucket = buckets.get(name);
      if (!bucket) continue;
      const orgTrail = trails.some((t) => t.isOrganizationTrail);
      const problems = problemsOf(index, bucket, orgTrail);
      if (!problems.length) continue;
      const owner = bucket.ownerAccountId
        ? index.accountById.get(bucket.ownerAccountId)
        : undefined;
      out.push({
        checkId: LOG_ARCHIVE_ACCOUNT,
        accountId: bucket.ownerAccountId ?? index.managementAccountId,
        ouId: null,
        resource: `s3://${name}`,
        severity: maxSeverity(
          problems.map((p) => p.severity),
          "medium",
        ),
        title: `${orgTrail ? "Organization trail" : "Trail"} bucket ${name} is not a locked-down log archive`,
        message: `${trails.map((t) => t.name).join(", ")} ${trails.length > 1 ? "deliver" : "delivers"} to ${name}, but ${problems.map((p) => p.text).join("; ")}.`,
        evidence: {
          bucket: name,
          trails: trails.map((t) => t.arn),
          organizationTrail: orgTrail,
          ownerAccountId: bucket.ownerAccountId,
          ownerOuPath: owner ? (index.paths.get(owner.parentId)?.path ?? null) : null,
          objectLockEnabled: bucket.objectLockEnabled,
          versioning: bucket.versioning,
          publicAccessBlock: bucket.publicAccessBlock,
          problems: problems.map((p) => p.text),
        },
      });
    }
    return out;
  },
};
