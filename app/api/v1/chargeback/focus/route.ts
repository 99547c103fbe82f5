// GET /api/v1/chargeback/focus – FOCUS 1.2 CSV of the cost data for a range of billing months (streamed; audited)
import { ZFocusExportQuery } from "@/lib/api/chargeback";
import { route } from "@/lib/server/http/route";
import { exportFocus } from "@/lib/server/chargeback/export-focus";

export const dynamic = "force-dynamic";

export const GET = route(
  { permission: "export", query: ZFocusExportQuery, rateLimit: "export" },
  ({ db, principal, query }) => exportFocus(db, principal, query),
);
