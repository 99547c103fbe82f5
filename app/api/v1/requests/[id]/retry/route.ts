// POST /api/v1/requests/:id/retry – resume a failed account creation from the step that failed
import { after } from "next/server";
import { ZUuidParams } from "@/lib/api/params";
import { route } from "@/lib/server/http/route";
import { retryAccountVending } from "@/lib/server/requests/retry-account-vending";

export const POST = route(
  { permission: "requests:decide", params: ZUuidParams, notFound: "No such request." },
  ({ db, principal, params }) => retryAccountVending(db, principal, params.id, after),
);
