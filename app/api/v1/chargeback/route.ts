// GET /api/v1/chargeback – a month's chargeback by cost center and account, reconciled to the organization's total
import { route } from "@/lib/server/http/route";
import { ZChargebackQuery } from "@/lib/api/chargeback";
import { getChargeback } from "@/lib/server/chargeback/get-chargeback";

export const dynamic = "force-dynamic";

export const GET = route(
  { permission: "export", query: ZChargebackQuery },
  ({ db, principal, query }) => getChargeback(db, principal, query.month),
);
