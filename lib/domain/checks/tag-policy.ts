// Showback and chargeback are only as good as the tags: an account without an owner or cost center
// cannot be charged back, and untagged spend ends up in an "unallocated" bucket nobody owns. The
// organization's tag policies should require the same keys: an OU whose effective tag policy does not
// define and enforce each required key is reported where the gap starts (the root, or the OU whose
// own policies remove what its parent required), not on every OU below it.
import type { TSettings } from "@/lib/domain/settings";
import type { TSnapshot } from "@/lib/domain/snapshot";
import { effectiveTagPolicy, tagPolicyGaps } from "@/lib/domain/org/effective-tag-policy";
import type { TCheck, TEvidence, TFinding, TSeverity } from "./types";
import { indexSnapshot } from "./org-index";
import { indexCosts, untaggedOf } from "./costs";

function ouTagPolicyFindings(snap: TSnapshot, settings: TSettings): TFinding[] {
  // No policy at all means Organizations policies were not collected (a FOCUS import), not an empty org.
  if (!snap.policies.length) return [];
  const index = indexSnapshot(snap);
  const gapsOf = new Map<string, Set<string>>();
  const out: TFinding[] = [];
  const ous = snap.orgUnits.toSorted(
    (a, b) => index.ouPathIdsOf(a.id).length - index.ouPathIdsOf(b.id).length,
  );
  for (const ou of ous) {
    const policy = effectiveTagPolicy(snap, index.ouPathIdsOf(ou.id));
    const { undefinedKeys, unenforcedKeys } = tagPolicyGaps(policy, settings.requiredTagKeys);
    const gaps = new Set([...undefinedKeys, ...unenforcedKeys]);
    gapsOf.set(ou.id, gaps);
    const inherited = ou.parentId
      ? (gapsOf.get(ou.parentId) ?? new Set<string>())
      : new Set<string>();
    const introduced = [...gaps].filter((k) => !inherited.has(k));
    if (!introduced.length) continue;
    const where =
      ou.parentId === null ? "The organization root" : `OU ${index.ouNamesOf(ou.id).join("/")}`;
    const problems = [
      ...(undefinedKeys.length ? [`does not define ${undefinedKeys.join(", ")}`] : []),
      ...(unenforcedKeys.length
        ? [
            `does not enforce ${unenforcedKeys.join(", ")} (no enforced_for or report_required_tag_for)`,
          ]
        : []),
    ];
    out.push({
      checkId: TAG_POLICY,
      accountId: null,
      ouId: ou.id,
      resource: ou.id,
      severity: "low",
      title: `${ou.parentId === null ? "Root" : ou.name}: effective tag policy does not require ${introduced.join(", ")}`,
      message: `${where}'s effective tag policy ${problems.join(" and ")}.`,
      evidence: {
        requiredTagKeys: settings.requiredTagKeys,
        undefinedKeys,
        unenforcedKeys,
        effectivePolicy: policy.rules.map((r) => ({
          key: r.tagKey,
          values: r.values,
          enforcedFor: r.enforcedFor,
          reportRequiredFor: r.reportRequiredFor,
          sources: r.sources,
        })),
        ignoredOperators: policy.ignored,
      },
    });
  }
  return out;
}

export const TAG_POLICY = "TAG_POLICY";

export const tagPolicy: TCheck = {
  definition: {
    id: TAG_POLICY,
    title: "Required tags: account tags, tagged spend and tag policies",
    category: "cost-tagging",
    defaultSeverity: "low",
    evidenceKind: "organization",
    remediation:
      "Tag every account with the required keys (Organizations tag-resource) and enforce resource tags with a tag policy " +
      "and an SCP denying untagged creation; activate the keys as cost allocation tags.",
  },
  run(snap, settings) {
    const index = indexSnapshot(snap);
    const costs = indexCosts(snap, settings);
    const key = costs.allocationTagKey;
    const out: TFinding[] = [];
    for (const account of index.activeAccounts) {
      const problems: string[] = [];
      let severity: TSeverity = "low";
      const evidence: TEvidence = { tags: account.tags };

      const missing = settings.requiredTagKeys.filter((k) => !account.tags[k]?.trim());
      if (missing.length) {
        problems.push(`has no ${missing.join(", ")} tag`);
        evidence.missingTags = missing;
      }

      const share = key ? untaggedOf(costs, account.id, key) : null;
      const ratio = share && share.total.gt(0) ? share.untagged.div(share.total) : null;
      if (key && share && ratio?.gt(settings.maxUntaggedShare)) {
        severity = "medium";
        problems.push(
          `spent ${share.untagged.toFixed(2)} of ${share.total.toFixed(2)} USD in ${costs.month?.month ?? ""}${costs.month?.estimated ? " (estimated)" : ""} ` +
            `without a ${key} tag (${ratio.mul(100).toFixed(1)}%, limit ${(settings.maxUntaggedShare * 100).toFixed(0)}%)`,
        );
        evidence.untaggedSpend = {
          tagKey: key,
          month: costs.month?.month ?? null,
          estimated: costs.month?.estimated ?? null,
          untagged: share.untagged.toFixed(2),
          total: share.total.toFixed(2),
          share: Number(ratio.toFixed(4)),
        };
      }
      if (!problems.length) continue;
      out.push({
        checkId: TAG_POLICY,
        accountId: account.id,
        ouId: null,
        resource: "",
        severity,
        title: missing.length
          ? `${account.name} lacks required tags`
          : `${account.name} has untagged spend`,
        message: `${account.name} (${account.id}) ${problems.join(" and ")}.`,
        evidence,
      });
    }
    return [...out, ...ouTagPolicyFindings(snap, settings)];
  },
};
