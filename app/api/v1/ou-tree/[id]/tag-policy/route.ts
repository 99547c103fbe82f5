// GET /api/v1/ou-tree/[id]/tag-policy – the tag policy in force on an OU or the root, and where each part comes from
import { route } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { ZOuId } from "@/lib/api/org";
import { notFound } from "@/lib/server/errors";
import { getEffectiveTagPolicy } from "@/lib/server/org/get-effective-tag-policy";

export const dynamic = "force-dynamic";

export const GET = route({ permission: "dashboard:read" }, async ({ principal, params }) => {
  // A malformed id is as unknown as a missing one: 404, like an OU outside the caller's scope.
  const id = ZOuId.safeParse(params.id);
  const policy = id.success ? await getEffectiveTagPolicy(db, principal.scope, { kind: "ou", id: id.data }) : null;
  if (!policy) throw notFound("No such OU, or it is outside the part of the organization you can see.");
  return policy;
});
