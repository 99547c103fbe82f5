// POST /api/v1/requests/sync – link approved requests to accounts that appeared and mark compliant ones
import { route } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { syncAccountRequests } from "@/lib/server/requests/sync-account-requests";

export const POST = route({ permission: "requests:decide" }, () => syncAccountRequests(db));
