// GET /api/v1/accounts/inventory – every account in scope with owner, spend and change, open findings and audit status
import { route } from "@/lib/server/http/route";
import { listAccountInventory } from "@/lib/server/accounts/list-account-inventory";

export const dynamic = "force-dynamic";

export const GET = route({ permission: "data:read" }, ({ db, principal }) =>
  listAccountInventory(db, principal.scope),
);
