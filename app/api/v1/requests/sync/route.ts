// POST /api/v1/requests/sync – link approved requests to accounts that appeared and mark compliant ones
import { route } from "@/lib/server/http/route";
import { syncAccountRequests } from "@/lib/server/requests/sync-account-requests";

export const POST = route({ permission: "requests:decide" }, ({ db }) => syncAccountRequests(db));
