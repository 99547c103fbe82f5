// GET, POST /api/v1/known-accounts – the inventory of owned accounts (in the organization or not); add one
import { route } from "@/lib/server/http/route";
import { ZKnownAccountCreate } from "@/lib/api/known-accounts";
import { createKnownAccount } from "@/lib/server/known-accounts/create-known-account";
import { listKnownAccounts } from "@/lib/server/known-accounts/list-known-accounts";

export const GET = route({ permission: "settings:write" }, ({ db, principal }) =>
  listKnownAccounts(db, principal),
);

export const POST = route(
  { permission: "settings:write", body: ZKnownAccountCreate },
  ({ db, principal, body }) => createKnownAccount(db, principal, body),
);
