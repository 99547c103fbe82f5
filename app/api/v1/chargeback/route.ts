// GET /api/v1/chargeback – a month's chargeback by cost center and account, reconciled to the organization's total
import { z } from "zod";
import { route } from "@/lib/server/http/route";
import { ZMonthParam } from "@/lib/domain/allocation/api-schema";
import { getChargeback } from "@/lib/server/chargeback/get-chargeback";

export const dynamic = "force-dynamic";

const ZQuery = z.object({ month: ZMonthParam.optional() });

export const GET = route({ permission: "export", query: ZQuery }, ({ db, principal, query }) => getChargeback(db, principal, query.month));
