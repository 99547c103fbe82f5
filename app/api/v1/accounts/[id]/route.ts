// GET /api/v1/accounts/[id] – one account: placement history, tags, audit status, findings, IAM users and keys, roles and their trust, trails
import { ZAccountParams } from "@/lib/api/params";
import { notFound } from "@/lib/errors";
import { route } from "@/lib/server/http/route";
import { getAccount } from "@/lib/server/accounts/get-account";

export const dynamic = "force-dynamic";

// A malformed id is as unknown as a missing one, or one outside the caller's scope: the same 404.
const NOT_VISIBLE = "No such account, or it is outside the part of the organization you can see.";

export const GET = route(
  { permission: "data:read", params: ZAccountParams, notFound: NOT_VISIBLE },
  async ({ db, principal, params }) => {
    const account = await getAccount(db, principal.scope, params.id);
    if (!account) throw notFound(NOT_VISIBLE);
    return account;
  },
);
