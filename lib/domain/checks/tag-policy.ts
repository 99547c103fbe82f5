// Showback and chargeback are only as good as the tags: an account without an owner or cost center
// cannot be charged back, and untagged spend ends up in an "unallocated" bucket nobody owns.
import type { TCheck, TEvidence, TFinding, TSeverity } from "./types";
import { indexSnapshot } from "./org-index";
import { indexCosts, untaggedOf } from "./costs";

export const TAG_POLICY = "TAG_POLICY";

export const tagPolicy: TCheck = {
  definition: {
    id: TAG_POLICY,
    title: "Required account tags and tagged spend",
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
        title: missing.length ? `${account.name} lacks required tags` : `${account.name} has untagged spend`,
        message: `${account.name} (${account.id}) ${problems.join(" and ")}.`,
        evidence,
      });
    }
    return out;
  },
};
