// What a draft rule would do to a month, without saving it: the month computed with and without
// the draft (replacing the stored rule it edits), by cost center.
import "server-only";
import type { z } from "zod";
import type { Principal } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import { ZRulePreview, type TRulePreview, type ZRulePreviewRequest } from "@/lib/api/chargeback";
import { computeChargeback } from "@/lib/domain/allocation/compute-chargeback";
import { formatCents } from "@/lib/domain/allocation/largest-remainder";
import { ruleKeyFromName, type RuleVersion } from "@/lib/domain/allocation/rules";
import type { AllocatedLine } from "@/lib/domain/allocation/types";
import { forbidden } from "@/lib/errors";
import { loadAllocationRules } from "./load-allocation-rules";
import { loadChargebackSettings } from "./load-chargeback-settings";
import { loadMonthInput } from "./load-month-input";

function byCostCenter(lines: readonly AllocatedLine[]): Map<string, bigint> {
  const out = new Map<string, bigint>();
  for (const l of lines)
    out.set(l.costCenter, (out.get(l.costCenter) ?? 0n) + l.directCents + l.sharedCents);
  return out;
}

export async function previewAllocationRule(
  db: Db,
  principal: Pick<Principal, "scope">,
  req: z.infer<typeof ZRulePreviewRequest>,
): Promise<TRulePreview> {
  if (principal.scope.ouIds)
    throw forbidden(
      "A preview shows the whole organization's chargeback; OU-scoped users cannot run it.",
    );
  const config = await loadChargebackSettings(db);
  const stored = await loadAllocationRules(db, req.month);
  const draft: RuleVersion = {
    ...req.rule,
    ruleKey: req.replacesRuleKey ?? ruleKeyFromName(req.rule.name),
    version: 0,
    validFrom: req.month,
    validTo: null,
  };
  const { input } = await loadMonthInput(db, req.month, config, stored);
  const before = computeChargeback(input);
  const after = computeChargeback({
    ...input,
    rules: [...stored.filter((r) => r.ruleKey !== draft.ruleKey), draft],
  });

  const b = byCostCenter(before.lines);
  const a = byCostCenter(after.lines);
  const costCenters = [...new Set([...b.keys(), ...a.keys()])]
    .map((cc) => ({ cc, before: b.get(cc) ?? 0n, after: a.get(cc) ?? 0n }))
    .sort((x, y) => {
      const dx = x.after - x.before;
      const dy = y.after - y.before;
      const ax = dx < 0n ? -dx : dx;
      const ay = dy < 0n ? -dy : dy;
      return ay > ax ? 1 : ay < ax ? -1 : x.cc.localeCompare(y.cc);
    })
    .map((r) => ({
      costCenter: r.cc,
      before: formatCents(r.before),
      after: formatCents(r.after),
      change: formatCents(r.after - r.before),
    }));
  const pool = after.pools.find((p) => p.ruleKey === draft.ruleKey);
  const ous = new Map(
    (await db.orgUnit.findMany({ select: { id: true, path: true } })).map((o) => [o.id, o.path]),
  );
  return ZRulePreview.parse({
    month: req.month,
    pool: {
      source: formatCents(pool?.sourceCents ?? 0n),
      targets: (pool?.targets ?? []).map((t) => ({
        kind: t.kind,
        id: t.id,
        label: t.kind === "ou" ? (ous.get(t.id) ?? t.id) : t.id,
        amount: formatCents(t.cents),
      })),
    },
    costCenters,
    total: { before: formatCents(before.totalCents), after: formatCents(after.totalCents) },
    warnings: after.warnings,
  });
}
