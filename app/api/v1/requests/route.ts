// GET, POST /api/v1/requests – account requests (own ones, or all for admins); file a new request
import { route } from "@/lib/server/http/route";
import { ZRequestBody } from "@/lib/api/requests";
import { createAccountRequest } from "@/lib/server/requests/create-account-request";
import { listAccountRequests } from "@/lib/server/requests/list-account-requests";

export const dynamic = "force-dynamic";

export const GET = route({ permission: "self:manage" }, ({ db, principal }) =>
  listAccountRequests(db, principal),
);

export const POST = route(
  { permission: "self:manage", body: ZRequestBody },
  ({ db, principal, body }) => createAccountRequest(db, principal, body),
);
