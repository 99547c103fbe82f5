// What earlier runs already stored, so that a run refetches only what can still change.
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { monthOf } from "@/lib/domain/months";
import { ZCostDimension, type TCostDimension } from "@/lib/domain/snapshot";
import { commitmentsSettled, type CostState } from "./cost-plan";

export async function readCostState(db: Db): Promise<CostState> {
  // A capped or failed run stores no costs; succeeded and partial runs store every month they fetch.
  const stored = await db.collectionRun.count({
    where: { source: "aws", status: { in: ["succeeded", "partial"] } },
  });
  const anyRow = await db.costMonthly.findFirst({
    where: { source: "aws" },
    select: { month: true },
  });
  const withCost = await db.costMonthly.findMany({
    where: { source: "aws" },
    distinct: ["month"],
    select: { month: true },
  });
  const estimated = await db.costMonthly.findMany({
    where: { source: "aws", estimated: true },
    distinct: ["month"],
    select: { month: true },
  });
  // Distinct (key, month) pairs straight from the (tag_key, month) index; never the rows themselves.
  const tagRows = ZTagMonths.parse(
    await db.$queryRaw`SELECT DISTINCT tag_key, month FROM cost_by_tag`,
  );
  const dimRows = ZDimensionMonths.parse(
    await db.$queryRaw`SELECT DISTINCT dimension, month FROM cost_by_dimension`,
  );
  const dimensionMonths: Partial<Record<TCostDimension, string[]>> = {};
  for (const r of dimRows) (dimensionMonths[r.dimension] ??= []).push(monthOf(r.month));
  const tagKeyMonths: Record<string, string[]> = {};
  for (const r of tagRows) (tagKeyMonths[r.tag_key] ??= []).push(monthOf(r.month));
  const commitmentFetches = await db.commitmentFetch.findMany({
    select: { kind: true, status: true },
  });
  // Days of daily cost already stored: a skip scan of the day index, one probe per day, so millions
  // of daily rows (5,000 accounts × services × days) cost a few hundred index lookups.
  const dayRows = ZDays.parse(
    await db.$queryRaw`
      WITH RECURSIVE d AS (
        SELECT min(day) AS day FROM cost_daily
        UNION ALL
        SELECT (SELECT min(day) FROM cost_daily WHERE day > d.day) FROM d WHERE d.day IS NOT NULL
      )
      SELECT day FROM d WHERE day IS NOT NULL`,
  );
  const lastRefetch = await db.costRefetch.findFirst({
    orderBy: { refetchedAt: "desc" },
    select: { refetchedAt: true },
  });
  return {
    lastRefetchAt: lastRefetch?.refetchedAt.toISOString() ?? null,
    backfilled: stored > 0 && anyRow !== null,
    commitmentsBackfilled: commitmentsSettled(commitmentFetches),
    estimatedMonths: estimated.map((r) => monthOf(r.month)).sort(),
    tagKeyMonths,
    dimensionMonths,
    dailyDays: dayRows.map((r) => r.day.toISOString().slice(0, 10)).sort(),
    costMonths: withCost.map((r) => monthOf(r.month)).sort(),
  };
}

const ZDimensionMonths = z.array(z.object({ dimension: ZCostDimension, month: z.date() }));
const ZTagMonths = z.array(z.object({ tag_key: z.string(), month: z.date() }));
const ZDays = z.array(z.object({ day: z.date() }));
