// GET /api/v1/reports/gap.md's work: the caller's gap report as a Markdown file, audited.
import "server-only";
import type { Db } from "@/lib/db/client";
import type { Principal } from "@/lib/domain/access";
import type { TGapReportQuery } from "@/lib/api/reports";
import { gapReportMarkdown } from "@/lib/format/gap-report-markdown";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { buildGapReport } from "./build-gap-report";

export async function downloadGapReport(
  db: Db,
  principal: Principal,
  q: TGapReportQuery,
  now = new Date(),
): Promise<Response> {
  const report = await buildGapReport(db, principal.scope, q, now);
  await recordAuditEvent(
    { actor: principal.email, action: "report.gap.download", target: q.ou ?? null, detail: {} },
    db,
  );
  const name = `gap-report-${q.ou ?? "all"}-${now.toISOString().slice(0, 10)}`.replace(
    /[^\w.-]+/g,
    "-",
  );
  return new Response(gapReportMarkdown(report), {
    headers: {
      "content-type": "text/markdown; charset=utf-8",
      "content-disposition": `attachment; filename="${name}.md"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
