// POST /api/v1/requests/:id/link – link an account that joined without a request to this approved one
import { ZUuidParams } from "@/lib/api/params";
import { ZLinkAccountBody } from "@/lib/api/requests";
import { route } from "@/lib/server/http/route";
import { linkAccountToRequest } from "@/lib/server/requests/link-account-to-request";

export const POST = route(
  {
    permission: "requests:decide",
    params: ZUuidParams,
    notFound: "No such request.",
    body: ZLinkAccountBody,
  },
  ({ db, principal, params, body }) =>
    linkAccountToRequest(db, principal, params.id, body.accountId),
);
