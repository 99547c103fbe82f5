// GET /api/v1/accounts/inventory/export – the accounts list, searched, filtered and sorted as on the page, as CSV
import { route } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { ZAccountInventoryQuery } from "@/lib/api/accounts";
import { csvResponse } from "@/lib/export/csv";
import { exportAccountInventoryCsv } from "@/lib/server/accounts/export-account-inventory-csv";

export const dynamic = "force-dynamic";

export const GET = route({ permission: "export", query: ZAccountInventoryQuery, rateLimit: "export" }, ({ principal, query }) =>
  Promise.resolve(csvResponse(`accounts-${new Date().toISOString().slice(0, 10)}`, exportAccountInventoryCsv(db, principal.scope, query))),
);
