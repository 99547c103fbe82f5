// GET /api/v1/ou-tree/[id]/tag-policy – the tag policy in force on an OU or the root, and where each part comes from
import { ZOuParams } from "@/lib/api/params";
import { notFound } from "@/lib/errors";
import { route } from "@/lib/server/http/route";
import { getEffectiveTagPolicy } from "@/lib/server/org/get-effective-tag-policy";

export const dynamic = "force-dynamic";

// A malformed id is as unknown as a missing one, or one outside the caller's scope: the same 404.
const NOT_VISIBLE = "No such OU, or it is outside the part of the organization you can see.";

export const GET = route(
  { permission: "dashboard:read", params: ZOuParams, notFound: NOT_VISIBLE },
  async ({ db, principal, params }) => {
    const policy = await getEffectiveTagPolicy(db, principal.scope, { kind: "ou", id: params.id });
    if (!policy) throw notFound(NOT_VISIBLE);
    return policy;
  },
);
