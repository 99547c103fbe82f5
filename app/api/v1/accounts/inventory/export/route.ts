// GET /api/v1/accounts/inventory/export – the accounts list, searched, filtered and sorted as on the page, as CSV (audited)
import { ZAccountInventoryQuery } from "@/lib/api/accounts";
import { route } from "@/lib/server/http/route";
import { exportAccountInventory } from "@/lib/server/accounts/export-account-inventory";

export const dynamic = "force-dynamic";

export const GET = route(
  { permission: "export", query: ZAccountInventoryQuery, rateLimit: "export" },
  ({ db, principal, query }) => exportAccountInventory(db, principal, query),
);
