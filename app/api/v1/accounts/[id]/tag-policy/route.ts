// GET /api/v1/accounts/[id]/tag-policy – the tag policy in force on one account, and where each part comes from
import { ZAccountParams } from "@/lib/api/params";
import { notFound } from "@/lib/errors";
import { route } from "@/lib/server/http/route";
import { getEffectiveTagPolicy } from "@/lib/server/org/get-effective-tag-policy";

export const dynamic = "force-dynamic";

// A malformed id is as unknown as a missing one, or one outside the caller's scope: the same 404.
const NOT_VISIBLE = "No such account, or it is outside the part of the organization you can see.";

export const GET = route(
  { permission: "data:read", params: ZAccountParams, notFound: NOT_VISIBLE },
  async ({ db, principal, params }) => {
    const policy = await getEffectiveTagPolicy(db, principal.scope, {
      kind: "account",
      id: params.id,
    });
    if (!policy) throw notFound(NOT_VISIBLE);
    return policy;
  },
);
