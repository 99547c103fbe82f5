// The demo's late correction: a month closed after today's run, then AWS's credit in it, through the
// same run → snapshot → store pipeline, on real Postgres.
import { describe, expect, it } from "vitest";
import { toCentsHalfUp } from "@/lib/domain/allocation/largest-remainder";
import { addMonths, monthOf } from "@/lib/domain/months";
import { buildMonthChargeback } from "@/lib/server/chargeback/build-month-chargeback";
import { closeDemoPeriod } from "@/lib/server/chargeback/close-demo-period";
import { useTestDatabase } from "@/testing/db";
import { loadDemo } from "./load-demo";

describe("the demo's late correction", () => {
  const store = useTestDatabase();

  it("closes the month two back, then refetches the last three final months: only the closed one changed, as an adjustment", async () => {
    const now = new Date("2025-06-17T12:00:00Z");
    const result = await loadDemo(store.db, store.url, {
      now,
      history: 1,
      evaluate: false,
      closePeriod: (db, month) => closeDemoPeriod(db, month, now),
    });
    // Today's demo run is partial by design (one planted failed audit).
    expect(result.status).toBe("partial");
    const closedMonth = addMonths(monthOf(now), -2);
    const refetch = await store.db.costRefetch.findUniqueOrThrow({
      where: { runId: result.runId },
      include: { months: { orderBy: { month: "asc" } } },
    });
    expect(refetch.full).toBe(false);
    const byMonth = refetch.months.map((m) => ({
      month: m.month.toISOString().slice(0, 10),
      difference: m.currentTotal.minus(m.previousTotal).toFixed(),
      periodClosed: m.periodClosed,
    }));
    expect(byMonth.map((m) => m.month)).toEqual(["2025-03-01", "2025-04-01", "2025-05-01"]);
    expect(byMonth.filter((m) => m.difference !== "0").map((m) => m.month)).toEqual([closedMonth]);
    const corrected = byMonth.find((m) => m.month === closedMonth);
    expect(corrected?.periodClosed).toBe(true);
    expect(Number(corrected?.difference)).toBeLessThan(0);

    const chargeback = await buildMonthChargeback(store.db, closedMonth);
    expect(chargeback.closed?.closedBy).toBe("demo");
    expect(chargeback.pending).toEqual({
      totalCents: toCentsHalfUp(corrected?.difference ?? "0"),
      appearsIn: addMonths(closedMonth, 1),
    });
    // Only today's second run refetched; the runs before it settled nothing.
    expect(await store.db.costRefetch.count()).toBe(1);
  }, 240_000);
});
