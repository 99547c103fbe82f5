// The month input sums spend that no shared-cost rule can match per account in SQL: the chargeback
// must come out exactly as from the full per-service detail.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { loadDemo } from "@/lib/collect/load-demo";
import { computeChargeback } from "@/lib/domain/allocation/compute-chargeback";
import { addMonths, monthOf } from "@/lib/domain/months";
import { useTestDatabase } from "@/testing/db";
import { loadAllocationRules } from "./load-allocation-rules";
import { loadChargebackSettings } from "./load-chargeback-settings";
import { loadMonthInput } from "./load-month-input";

const ZDetail = z.array(
  z.object({ account_id: z.string(), service: z.string(), amount: z.string() }),
);

const ZCharges = z.array(
  z.object({
    account_id: z.string(),
    service: z.string(),
    record_type: z.string(),
    amount: z.string(),
  }),
);

describe("chargeback month input", () => {
  const t = useTestDatabase(
    async (db, url) => void (await loadDemo(db, url, { evaluate: false })),
    240_000,
  );

  it("allocates exactly as the per-service detail does, with fewer cost lines", async () => {
    const { db } = t;
    const month = addMonths(monthOf(new Date()), -1);
    const config = await loadChargebackSettings(db);
    const rules = await loadAllocationRules(db, month);
    // The demo's rules: one by shared account, one by service.
    expect(rules.some((r) => r.sourceAccounts.length > 0)).toBe(true);
    expect(rules.some((r) => r.sourceServices.length > 0)).toBe(true);
    const { input } = await loadMonthInput(db, month, config, rules);
    const detail = ZDetail.parse(
      await db.$queryRaw`SELECT account_id, service, sum(unblended)::text AS amount FROM cost_monthly WHERE month = ${month}::date GROUP BY 1, 2`,
    );
    expect(config.chargebackCostMetric).toBe("unblended");
    expect(input.costs.length).toBeLessThan(detail.length / 2);
    const charges = ZCharges.parse(
      await db.$queryRaw`SELECT account_id, service, record_type, sum(unblended)::text AS amount FROM cost_charge WHERE month = ${month}::date GROUP BY 1, 2, 3`,
    );
    expect(input.charges?.length).toBeGreaterThan(0);
    const full = computeChargeback({
      ...input,
      costs: detail.map((d) => ({ accountId: d.account_id, service: d.service, amount: d.amount })),
      charges: charges.map((c) => ({
        accountId: c.account_id,
        service: c.service,
        recordType: c.record_type,
        amount: c.amount,
      })),
    });
    const collapsed = computeChargeback(input);
    expect(collapsed.totalCents).toBe(full.totalCents);
    expect(collapsed.lines).toEqual(full.lines);
    expect(collapsed.pools).toEqual(full.pools);
    expect(collapsed.pools.some((p) => p.sourceCents > 0n)).toBe(true);
  });
});
