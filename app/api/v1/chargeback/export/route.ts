// GET /api/v1/chargeback/export – the month's chargeback as CSV (streamed; exact cents; audited)
import { z } from "zod";
import { ZMonthParam } from "@/lib/domain/allocation/api-schema";
import { route } from "@/lib/server/http/route";
import { exportChargeback } from "@/lib/server/chargeback/export-chargeback";

export const dynamic = "force-dynamic";

const ZQuery = z.object({ month: ZMonthParam });

export const GET = route({ permission: "export", query: ZQuery, rateLimit: "export" }, ({ db, principal, query }) => exportChargeback(db, principal, query.month));
