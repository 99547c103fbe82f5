// One environment per account is the boundary the playbook relies on: production data and
// credentials must not share an account (and its SCPs) with development.
import { Decimal } from "decimal.js";
import type { TCheck, TEvidence, TFinding, TSeverity } from "./types";
import { maxSeverity } from "./types";
import { indexSnapshot } from "./org-index";
import { indexCosts } from "./costs";
import { classifyEnvironment, ouEnvironment } from "./ou-classes";

export const ENV_SEGREGATION = "ENV_SEGREGATION";

export const envSegregation: TCheck = {
  definition: {
    id: ENV_SEGREGATION,
    title: "One environment per account",
    category: "segregation",
    defaultSeverity: "medium",
    evidenceKind: "organization",
    remediation:
      "Give each environment its own account, tag the account with its environment and place it in the matching OU " +
      "(Workloads/Prod or Workloads/SDLC); move resources of other environments to their own accounts.",
  },
  run(snap, settings) {
    const index = indexSnapshot(snap);
    const costs = indexCosts(snap, settings);
    const key = settings.environmentTagKey;
    const out: TFinding[] = [];
    for (const account of index.activeAccounts) {
      const tagValue = account.tags[key] ?? null;
      const tagged = tagValue !== null ? classifyEnvironment(tagValue, settings) : null;
      const fromOu = ouEnvironment(index, account.parentId, settings);
      const ouPath = index.paths.get(account.parentId)?.path ?? account.parentId;
      const problems: { text: string; severity: TSeverity }[] = [];
      const evidence: TEvidence = { tagKey: key, tagValue, ouPath, ouEnvironment: fromOu };

      // Spend by environment tag value, untagged spend aside: values under the minimum share are noise.
      const byValue = new Map<string, Decimal>();
      for (const r of costs.byTag.get(account.id)?.get(key) ?? []) {
        const value = r.tagValue.trim().toLowerCase();
        if (value) byValue.set(value, (byValue.get(value) ?? new Decimal(0)).plus(r.unblended));
      }
      const total = [...byValue.values()].reduce((a, b) => a.plus(b), new Decimal(0));
      const significant = total.gt(0)
        ? [...byValue].filter(([, v]) => v.div(total).gte(settings.envMixMinShare))
        : [];
      if (significant.length > 1) {
        const classes = new Set(significant.map(([v]) => classifyEnvironment(v, settings)));
        problems.push({
          text: `its spend in ${costs.month?.month ?? ""} carries ${key}=${significant.map(([v]) => v).join(", ")}`,
          severity: classes.has("prod") && classes.size > 1 ? "high" : "medium",
        });
        evidence.spendByValue = Object.fromEntries(
          significant.map(([v, amount]) => [v, amount.toFixed(2)]),
        );
        evidence.month = costs.month?.month ?? null;
        evidence.estimated = costs.month?.estimated ?? null;
      }

      if (tagged && fromOu && tagged !== fromOu) {
        problems.push({
          text: `it is tagged ${key}=${tagValue ?? ""} but sits in ${ouPath}, a ${fromOu} OU`,
          severity: tagged === "prod" || fromOu === "prod" ? "high" : "medium",
        });
      }

      // The management account holds no environment of its own.
      if (
        tagValue === null &&
        fromOu === null &&
        byValue.size === 0 &&
        account.id !== index.managementAccountId
      ) {
        problems.push({
          text: `it has no ${key} tag, its OU implies none and its spend carries none`,
          severity: "low",
        });
      }

      if (!problems.length) continue;
      out.push({
        checkId: ENV_SEGREGATION,
        accountId: account.id,
        ouId: null,
        resource: "",
        severity: maxSeverity(
          problems.map((p) => p.severity),
          "medium",
        ),
        title:
          significant.length > 1
            ? `${account.name} mixes environments`
            : tagged && fromOu && tagged !== fromOu
              ? `${account.name} is in the wrong environment OU`
              : `${account.name} has no environment`,
        message: `${account.name} (${account.id}): ${problems.map((p) => p.text).join("; ")}.`,
        evidence: { ...evidence, problems: problems.map((p) => p.text) },
      });
    }
    return out;
  },
};
