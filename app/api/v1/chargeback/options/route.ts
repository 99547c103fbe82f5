// GET /api/v1/chargeback/options – OUs, accounts, services and cost centers for the rule editor and OU defaults
import { route } from "@/lib/server/http/route";
import { getChargebackOptions } from "@/lib/server/chargeback/get-chargeback-options";

export const dynamic = "force-dynamic";

export const GET = route({ permission: "export" }, ({ db, principal }) =>
  getChargebackOptions(db, principal),
);
