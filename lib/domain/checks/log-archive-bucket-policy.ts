// An immutable log archive is only as immutable as its bucket policy: no one outside the organization
// may delete or overwrite the logs, nor change the policy, lifecycle, versioning or Object Lock that
// keep them. CloudTrail's own delivery statements, Deny statements and grants bound to this
// organization (aws:PrincipalOrgID …) are what a sound policy holds, and are never flagged. A bucket
// without a policy grants nothing beyond its own account; a policy that could not be read is not judged.
import type { TPolicyDocument, TSnapshot, TTrail } from "@/lib/domain/snapshot";
import {
  accountOfPrincipal,
  conditionEntries,
  principalsOf,
  statementCoversAction,
  statementsOf,
  type TStatement,
} from "./policy-grammar";
import { deniesOutsideOrg, orgLimit, type TOrgTrustContext } from "./trust-guards";
import { indexSnapshot } from "./org-index";
import type { TCheck, TFinding, TSeverity } from "./types";

export const LOG_ARCHIVE_BUCKET_POLICY = "LOG_ARCHIVE_BUCKET_POLICY";

/** What destroys or rewrites the logs, or removes what protects them. */
export const TAMPER_ACTIONS = [
  "s3:DeleteObject",
  "s3:DeleteObjectVersion",
  "s3:DeleteBucket",
  "s3:PutBucketPolicy",
  "s3:DeleteBucketPolicy",
  "s3:PutLifecycleConfiguration",
  "s3:PutBucketVersioning",
  "s3:PutBucketObjectLockConfiguration",
  "s3:PutObjectRetention",
  "s3:BypassGovernanceRetention",
] as const;
/** Writing objects: a forged log for an outsider; log delivery for an AWS service (never flagged). */
const OVERWRITE = "s3:PutObject";

export interface TOutsideGrant {
  sid: string | null;
  /** Who the statement lets in: "anyone (*)", "anyone except … (NotPrincipal)", an account, a service. */
  who: string[];
  /** The tamper actions it allows them. */
  actions: string[];
  anyone: boolean;
}

/** Denied to everyone, or to everyone outside the organization, whatever the Allow statements say. */
function deniedToOutsiders(
  statements: readonly TStatement[],
  action: string,
  ctx: TOrgTrustContext,
): boolean {
  const deniedToAll = statements.some(
    (s) =>
      s.Effect === "Deny" &&
      s.NotPrincipal === undefined &&
      principalsOf(s.Principal).anyone &&
      statementCoversAction(s, action) &&
      conditionEntries(s).length === 0,
  );
  return deniedToAll || deniesOutsideOrg(statements, action, ctx);
}

/** Principals of an Allow statement that lie outside the organization. */
function outsiders(s: TStatement, ctx: TOrgTrustContext): { who: string[]; anyone: boolean } {
  if (s.NotPrincipal !== undefined) {
    const except = principalsOf(s.NotPrincipal);
    const named = [...except.aws, ...except.service, ...except.federated];
    return { who: [`anyone except ${named.join(", ") || "…"} (NotPrincipal)`], anyone: true };
  }
  const p = principalsOf(s.Principal);
  if (p.anyone) return { who: ["anyone (*)"], anyone: true };
  const who = [
    ...p.aws.filter((a) => {
      const account = accountOfPrincipal(a);
      return account === null || !ctx.accountIds.has(account);
    }),
    // A service acts for whichever account calls it: only a source condition (checked by the caller
    // through orgLimit) ties it to this organization.
    ...p.service.map((svc) => `service ${svc}`),
  ];
  return { who, anyone: false };
}

/**
 * The Allow statements that let someone outside the organization tamper with the logs. The pure
 * judgment shared by the check and by PutBucketPolicy events.
 */
export function outsideTamperGrants(doc: TPolicyDocument, ctx: TOrgTrustContext): TOutsideGrant[] {
  const statements = statementsOf(doc);
  const out: TOutsideGrant[] = [];
  for (const s of statements) {
    if (s.Effect !== "Allow") continue;
    // A condition binding callers to this organization's id, paths or accounts keeps outsiders out.
    if (orgLimit(s, ctx) !== null) continue;
    const { who, anyone } = outsiders(s, ctx);
    if (!who.length) continue;
    const onlyServices = !anyone && who.every((w) => w.startsWith("service "));
    const candidates = onlyServices ? TAMPER_ACTIONS : [...TAMPER_ACTIONS, OVERWRITE];
    const actions = candidates.filter(
      (a) => statementCoversAction(s, a) && !deniedToOutsiders(statements, a, ctx),
    );
    if (actions.length) out.push({ sid: s.Sid ?? null, who, actions, anyone });
  }
  return out;
}

export function bucketPolicyContext(snap: TSnapshot): TOrgTrustContext {
  return {
    orgId: snap.organization.id,
    accountIds: new Set(snap.accounts.map((a) => a.id)),
  };
}

function describe(g: TOutsideGrant): string {
  return `${g.who.join(", ")} may ${g.actions.join(", ")}${g.sid ? ` (statement ${g.sid})` : ""}`;
}

export const logArchiveBucketPolicy: TCheck = {
  definition: {
    id: LOG_ARCHIVE_BUCKET_POLICY,
    title: "Trail bucket policies keep the logs out of outsiders' reach",
    category: "logging",
    defaultSeverity: "high",
    evidenceKind: "account-audit",
    remediation:
      'Remove the bucket policy statements that allow principals outside the organization ("*", other accounts, ' +
      "services without an aws:SourceArn / aws:SourceAccount condition) to delete or overwrite logs or to change the " +
      "bucket's policy, lifecycle, versioning or Object Lock; bind needed grants with aws:PrincipalOrgID, or add a " +
      "Deny for everyone outside the organization.",
  },
  run(snap) {
    const index = indexSnapshot(snap);
    const ctx = bucketPolicyContext(snap);
    const trailsByBucket = trailsByBucketOf(snap);
    const out: TFinding[] = [];
    for (const bucket of snap.buckets.toSorted((a, b) => a.name.localeCompare(b.name))) {
      const trails = trailsByBucket.get(bucket.name);
      if (!trails || bucket.policy.status !== "present") continue;
      const grants = outsideTamperGrants(bucket.policy.document, ctx);
      if (!grants.length) continue;
      const orgTrail = trails.some((t) => t.isOrganizationTrail);
      const anyone = grants.some((g) => g.anyone);
      const severity: TSeverity = orgTrail
        ? anyone
          ? "critical"
          : "high"
        : anyone
          ? "high"
          : "medium";
      out.push({
        checkId: LOG_ARCHIVE_BUCKET_POLICY,
        accountId: bucket.ownerAccountId ?? index.managementAccountId,
        ouId: null,
        resource: `s3://${bucket.name}`,
        severity,
        title: `${orgTrail ? "Organization trail" : "Trail"} bucket ${bucket.name} lets outsiders tamper with the logs`,
        message: `The policy of ${bucket.name} (${trails.map((t) => t.name).join(", ")}): ${grants.map(describe).join("; ")}.`,
        evidence: {
          bucket: bucket.name,
          trails: trails.map((t) => t.arn),
          organizationTrail: orgTrail,
          ownerAccountId: bucket.ownerAccountId,
          grants: grants.map((g) => ({ sid: g.sid, who: g.who, actions: g.actions })),
        },
      });
    }
    return out;
  },
  // A policy the collector could not read (AccessDenied) is neither a pass nor a fail: the bucket's
  // last finding stands, stale, until a run reads the policy again. Nor is a bucket the snapshot does
  // not hold at all, while an audited trail still delivers to it (any failed S3 read drops the bucket)
  // or an account went unaudited (its trails, and so its buckets, were not listed): the finding
  // belongs to the bucket owner's account, which may well have been audited. A bucket absent while
  // every account was audited and no trail names it is no longer a trail bucket: resolved.
  undecided(snap, open) {
    const trailsByBucket = trailsByBucketOf(snap);
    const index = indexSnapshot(snap);
    const unreadable = snap.buckets.flatMap((b) =>
      b.policy.status === "unknown" && trailsByBucket.has(b.name)
        ? [
            {
              checkId: LOG_ARCHIVE_BUCKET_POLICY,
              accountId: b.ownerAccountId ?? index.managementAccountId,
              ouId: null,
              resource: `s3://${b.name}`,
            },
          ]
        : [],
    );
    const listed = new Set(snap.buckets.map((b) => `s3://${b.name}`));
    const someUnaudited = index.activeAccounts.some((a) => !index.auditedIds.has(a.id));
    const uncollected = open.filter(
      (f) =>
        f.checkId === LOG_ARCHIVE_BUCKET_POLICY &&
        f.resource.startsWith("s3://") &&
        !listed.has(f.resource) &&
        (someUnaudited || trailsByBucket.has(f.resource.slice("s3://".length))),
    );
    return [...unreadable, ...uncollected];
  },
};

/** Trail buckets seen by the audited accounts, with the trails delivering to each. */
function trailsByBucketOf(snap: TSnapshot): Map<string, TTrail[]> {
  const out = new Map<string, TTrail[]>();
  for (const { audit } of indexSnapshot(snap).audited)
    for (const t of audit.trails) {
      if (!t.s3BucketName) continue;
      const list = out.get(t.s3BucketName) ?? [];
      if (!list.some((x) => x.arn === t.arn)) list.push(t);
      out.set(t.s3BucketName, list);
    }
  return out;
}
