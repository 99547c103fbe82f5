import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { GapReportView } from "@/components/reports/gap-report-view";
import { PrintButton } from "@/components/reports/print-button";
import { can } from "@/lib/auth/roles";
import { ZGapReportQuery } from "@/lib/api/reports";
import { AppError } from "@/lib/errors";
import { requirePageContext } from "@/lib/server/http/page";
import { listFindingFilterOptions } from "@/lib/server/findings/list-finding-filter-options";
import { buildGapReport } from "@/lib/server/reports/build-gap-report";

export const metadata: Metadata = { title: "Gap report" };

const FIELD =
  "mt-1 block rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900";

export default async function GapReportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { db, principal } = await requirePageContext("data:read");
  const raw = (await searchParams).ou;
  const parsed = ZGapReportQuery.safeParse({ ou: typeof raw === "string" ? raw : undefined });
  if (!parsed.success) notFound();
  const query = parsed.data;
  const [report, options] = await Promise.all([
    buildGapReport(db, principal.scope, query).catch((e: unknown) => {
      // An OU that does not exist and one outside the caller's scope look the same.
      if (e instanceof AppError && e.code === "NOT_FOUND") return null;
      throw e;
    }),
    listFindingFilterOptions(db, principal.scope),
  ]);
  if (!report) notFound();
  const md = `/api/v1/reports/gap.md${query.ou ? `?ou=${encodeURIComponent(query.ou)}` : ""}`;

  return (
    <div className="space-y-6">
      <div
        data-print-hide
        className="flex flex-wrap items-end justify-between gap-3 rounded-lg border border-slate-200 bg-slate-50 p-3 dark:border-slate-800 dark:bg-slate-950"
      >
        <form method="get" className="flex items-end gap-2">
          <label className="text-xs font-medium text-slate-600 dark:text-slate-400">
            Scope of the report
            <select name="ou" defaultValue={query.ou ?? ""} className={FIELD}>
              <option value="">
                {principal.scope.ouIds ? "All my OUs" : "Whole organization"}
              </option>
              {options.ous.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.path}
                </option>
              ))}
            </select>
          </label>
          <button
            type="submit"
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-700"
          >
            Show
          </button>
        </form>
        <div className="flex flex-wrap items-center gap-2">
          <PrintButton />
          {can(principal.role, "export") ? (
            <a
              href={md}
              download
              className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800"
            >
              Download Markdown
            </a>
          ) : null}
        </div>
      </div>
      <GapReportView report={report} />
    </div>
  );
}
