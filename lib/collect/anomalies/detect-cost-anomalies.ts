// After every run (and "Re-evaluate now"): the anomaly detector over the stored daily spend
// (cost_daily, the last `days` days up to the newest stored day, never before the first stored
// day), each detection stored as a new anomaly or as an update of the one it continues. Patterns
// marked "expected" feed the detector.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { loadSettings } from "@/lib/db/settings";
import { Prisma } from "@/lib/generated/prisma/client";
import { addDays, dayOfMonth, dayToEpoch } from "@/lib/domain/anomalies/day-math";
import { detectAnomalies } from "@/lib/domain/anomalies/detect-anomalies";
import { findExistingAnomaly } from "@/lib/domain/anomalies/match-existing";
import type { DailySeries, ExpectedPattern } from "@/lib/domain/anomalies/types";
import { ANOMALY_KINDS } from "@/lib/domain/anomalies/types";

/** The longest window analysed; the daily-history setting shortens it (docs/anomalies.md). */
export const ANOMALY_WINDOW_DAYS = 90;

export interface AnomalyRunSummary {
  series: number;
  detected: number;
  created: string[];
  updated: number;
}

const ZRow = z.object({
  account_id: z.string(),
  service: z.string(),
  day: z.string(),
  cost: z.number(),
});
const ZBounds = z.object({ first: z.string().nullable(), last: z.string().nullable() });
const iso = (d: Date) => d.toISOString().slice(0, 10);
const date = (day: string) => new Date(`${day}T00:00:00Z`);

export async function detectCostAnomalies(
  db: Db,
  opts: { days?: number } = {},
): Promise<AnomalyRunSummary> {
  const days =
    opts.days ?? Math.min(ANOMALY_WINDOW_DAYS, (await loadSettings(db)).dailyCostHistoryDays);
  const [bounds] = z
    .array(ZBounds)
    .parse(
      await db.$queryRaw`SELECT to_char(min(day), 'YYYY-MM-DD') AS first, to_char(max(day), 'YYYY-MM-DD') AS last FROM cost_daily`,
    );
  const first = bounds?.first;
  const last = bounds?.last;
  if (!first || !last) return { series: 0, detected: 0, created: [], updated: 0 };
  // Days before the first stored day were never collected: missing, not zero spend (a series of
  // zeros there would look like a quiet period and make every service "new").
  const windowStart = addDays(last, -(days - 1));
  const start = windowStart > first ? windowStart : first;
  const length = dayToEpoch(last) - dayToEpoch(start) + 1;
  const rows = z.array(ZRow).parse(
    await db.$queryRaw`
      SELECT account_id, service, to_char(day, 'YYYY-MM-DD') AS day, sum(unblended)::float8 AS cost
      FROM cost_daily WHERE day >= ${date(start)}::date AND day <= ${date(last)}::date
      GROUP BY account_id, service, day`,
  );
  const startEpoch = dayToEpoch(start);
  const series = new Map<string, DailySeries & { values: Float64Array }>();
  for (const r of rows) {
    const key = `${r.account_id}\u0000${r.service}`;
    let s = series.get(key);
    if (!s) {
      s = { accountId: r.account_id, service: r.service, start, values: new Float64Array(length) };
      series.set(key, s);
    }
    s.values[dayToEpoch(r.day) - startEpoch] = r.cost;
  }

  const expected = await db.costAnomaly.findMany({
    where: { status: "expected" },
    select: { accountId: true, service: true, kind: true, firstDay: true },
  });
  const patterns: ExpectedPattern[] = expected.flatMap((e) => {
    const kind = ANOMALY_KINDS.find((k) => k === e.kind);
    return kind
      ? [
          {
            accountId: e.accountId,
            service: e.service,
            kind,
            dayOfMonth: dayOfMonth(dayToEpoch(iso(e.firstDay))),
          },
        ]
      : [];
  });
  const found = detectAnomalies(series.values(), {}, patterns);

  const stored = (
    await db.costAnomaly.findMany({
      where: { lastDay: { gte: date(addDays(start, -1)) } },
      select: {
        id: true,
        accountId: true,
        service: true,
        kind: true,
        firstDay: true,
        lastDay: true,
      },
    })
  ).map((s) => ({ ...s, firstDay: iso(s.firstDay), lastDay: iso(s.lastDay) }));

  const created: string[] = [];
  let updated = 0;
  const fresh: Prisma.CostAnomalyCreateManyInput[] = [];
  await db.$transaction(
    async (tx) => {
      for (const a of found) {
        const figures = {
          kind: a.kind,
          lastDay: date(a.lastDay),
          expected: new Prisma.Decimal(a.expected),
          actual: new Prisma.Decimal(a.actual),
          impact: new Prisma.Decimal(a.impact),
          upperBound: new Prisma.Decimal(a.upperBound),
          score: a.score,
        };
        const existing = findExistingAnomaly(a, stored);
        if (existing) {
          // A drift's window moves with the days: the anomaly keeps the day it was first seen from.
          const firstDay = a.firstDay < existing.firstDay ? a.firstDay : existing.firstDay;
          // It may continue one found earlier in this pass, not written yet: update that row instead.
          const pending = fresh.find((f) => f.id === existing.id);
          if (pending) Object.assign(pending, figures, { firstDay: date(firstDay) });
          else
            await tx.costAnomaly.update({
              where: { id: existing.id },
              data: { ...figures, firstDay: date(firstDay) },
            });
          existing.kind = a.kind;
          existing.lastDay = a.lastDay;
          updated++;
        } else {
          const id = randomUUID();
          fresh.push({
            ...figures,
            id,
            accountId: a.accountId,
            service: a.service,
            firstDay: date(a.firstDay),
          });
          stored.push({ id, ...a });
          created.push(id);
        }
      }
      await tx.costAnomaly.createMany({ data: fresh });
      // A first detection over a large organization writes thousands of rows: more than the default 5 s.
    },
    { timeout: 120_000 },
  );
  return { series: series.size, detected: found.length, created, updated };
}
