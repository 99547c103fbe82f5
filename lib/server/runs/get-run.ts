// One collection run with its per-account errors; a scoped caller sees only their accounts' errors and no org-wide totals.
import "server-only";
import type { TRunDetail } from "@/lib/api/runs";
import type { Scope } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { accountScope } from "@/lib/server/scope";
import { loadLateCorrections } from "./load-late-corrections";
import { RUN_SUMMARY_SELECT, toRunSummary } from "./to-run-summary";

const MAX_ERRORS = 1_000;

export async function getRun(db: Db, scope: Scope, id: string): Promise<TRunDetail> {
  const run = await db.collectionRun.findUnique({ where: { id }, select: RUN_SUMMARY_SELECT });
  if (!run) throw notFound("No such collection run.");
  const errors = await db.runAccountError.findMany({
    where: { runId: id },
    orderBy: [{ phase: "asc" }, { accountId: "asc" }, { id: "asc" }],
    take: MAX_ERRORS,
  });
  const accountIds = [...new Set(errors.map((e) => e.accountId))];
  const accounts = await db.account.findMany({
    where: { id: { in: accountIds }, ...accountScope(scope) },
    select: { id: true, name: true },
  });
  const names = new Map(accounts.map((a) => [a.id, a.name]));
  // Unscoped callers also see errors of accounts never stored (e.g. the organization could not list them).
  const visible = errors.filter((e) => scope.ouIds === null || names.has(e.accountId));
  const view = scope.ouIds
    ? { scoped: true as const, failedAccounts: new Set(visible.map((e) => e.accountId)).size }
    : undefined;
  return {
    ...toRunSummary(run, view),
    // How many errors other accounts had is itself an org-wide figure: scoped callers are not told.
    accountErrors: visible.map((e) => ({
      accountId: e.accountId,
      accountName: names.get(e.accountId) ?? null,
      phase: e.phase,
      message: e.message,
    })),
    lateCorrections: await loadLateCorrections(db, scope, id),
  };
}
