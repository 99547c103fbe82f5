// Collection runs, newest first, a page at a time.
import "server-only";
import type { TRunList, TRunListQuery } from "@/lib/api/runs";
import type { Db } from "@/lib/db/client";
import { RUN_SUMMARY_SELECT, toRunSummary } from "./to-run-summary";

export async function listRuns(db: Db, q: TRunListQuery): Promise<TRunList> {
  const rows = await db.collectionRun.findMany({
    where: q.before ? { startedAt: { lt: new Date(q.before) } } : {},
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
    select: RUN_SUMMARY_SELECT,
  });
  const page = rows.slice(0, q.limit);
  return { runs: page.map(toRunSummary), nextBefore: rows.length > q.limit ? (page.at(-1)?.startedAt.toISOString() ?? null) : null };
}
