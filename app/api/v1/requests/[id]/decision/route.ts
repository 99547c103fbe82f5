// POST /api/v1/requests/:id/decision – approve or reject an account request, with a comment
import { after } from "next/server";
import { ZUuidParams } from "@/lib/api/params";
import { ZDecisionBody } from "@/lib/api/requests";
import { route } from "@/lib/server/http/route";
import { decideAccountRequest } from "@/lib/server/requests/decide-account-request";

export const POST = route(
  {
    permission: "requests:decide",
    params: ZUuidParams,
    notFound: "No such request.",
    body: ZDecisionBody,
  },
  ({ db, principal, body, params }) => decideAccountRequest(db, principal, params.id, body, after),
);
