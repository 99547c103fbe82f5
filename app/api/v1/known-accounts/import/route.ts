// POST /api/v1/known-accounts/import – import a CSV of account id, name, owner (all or nothing; 422 lists bad rows)
import { route } from "@/lib/server/http/route";
import { ZKnownAccountImport } from "@/lib/api/known-accounts";
import { importKnownAccounts } from "@/lib/server/known-accounts/import-known-accounts";

export const POST = route(
  { permission: "settings:write", body: ZKnownAccountImport },
  ({ db, principal, body }) => importKnownAccounts(db, principal, body.csv),
);
