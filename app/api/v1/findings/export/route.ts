// GET /api/v1/findings/export – the filtered findings list as a streamed CSV (audited with its filters)
import { route } from "@/lib/server/http/route";
import { ZFindingFilters } from "@/lib/api/findings";
import { csvResponse } from "@/lib/export/csv";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { exportFindingsCsv } from "@/lib/server/findings/export-findings-csv";

export const dynamic = "force-dynamic";

export const GET = route(
  { permission: "export", query: ZFindingFilters, rateLimit: "export" },
  async ({ db, principal, query }) => {
    const filters = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined));
    await recordAuditEvent({
      actor: principal.email,
      action: "findings.export",
      target: null,
      detail: filters,
    });
    const stamp = new Date().toISOString().slice(0, 10);
    return csvResponse(
      `findings-${query.status}-${stamp}`,
      exportFindingsCsv(db, principal.scope, query),
    );
  },
);
