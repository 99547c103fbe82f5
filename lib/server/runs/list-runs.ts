// Collection runs, newest first, a page at a time; OU-scoped callers see them without org-wide totals.
import "server-only";
import type { TRunList, TRunListQuery } from "@/lib/api/runs";
import type { Scope } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import { countScopedFailures } from "./count-scoped-failures";
import { RUN_SUMMARY_SELECT, toRunSummary } from "./to-run-summary";

export async function listRuns(db: Db, scope: Scope, q: TRunListQuery): Promise<TRunList> {
  const rows = await db.collectionRun.findMany({
    where: q.before ? { startedAt: { lt: new Date(q.before) } } : {},
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
    select: RUN_SUMMARY_SELECT,
  });
  const page = rows.slice(0, q.limit);
  const failed = scope.ouIds
    ? await countScopedFailures(
        db,
        scope,
        page.map((r) => r.id),
      )
    : null;
  const runs = page.map((r) =>
    toRunSummary(r, failed ? { scoped: true, failedAccounts: failed.get(r.id) ?? 0 } : undefined),
  );
  return {
    runs,
    nextBefore: rows.length > q.limit ? (page.at(-1)?.startedAt.toISOString() ?? null) : null,
  };
}
