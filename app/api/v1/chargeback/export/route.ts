// GET /api/v1/chargeback/export – the month's chargeback as CSV (streamed; exact cents; audited)
import { ZChargebackExportQuery } from "@/lib/api/chargeback";
import { route } from "@/lib/server/http/route";
import { exportChargeback } from "@/lib/server/chargeback/export-chargeback";

export const dynamic = "force-dynamic";

export const GET = route(
  { permission: "export", query: ZChargebackExportQuery, rateLimit: "export" },
  ({ db, principal, query }) => exportChargeback(db, principal, query.month),
);
