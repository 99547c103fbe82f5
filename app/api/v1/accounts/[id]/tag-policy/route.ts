// GET /api/v1/accounts/[id]/tag-policy – the tag policy in force on one account, and where each part comes from
import { route } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { ZAccountId } from "@/lib/api/accounts";
import { notFound } from "@/lib/server/errors";
import { getEffectiveTagPolicy } from "@/lib/server/org/get-effective-tag-policy";

export const dynamic = "force-dynamic";

export const GET = route({ permission: "data:read" }, async ({ principal, params }) => {
  const id = ZAccountId.safeParse(params.id);
  const policy = id.success ? await getEffectiveTagPolicy(db, principal.scope, { kind: "account", id: id.data }) : null;
  if (!policy) throw notFound("No such account, or it is outside the part of the organization you can see.");
  return policy;
});
