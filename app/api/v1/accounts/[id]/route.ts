// GET /api/v1/accounts/[id] – one account: placement history, tags, audit status, findings, IAM users and keys, roles and their trust, trails
import { route } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { ZAccountId } from "@/lib/api/accounts";
import { notFound } from "@/lib/server/errors";
import { getAccount } from "@/lib/server/accounts/get-account";

export const dynamic = "force-dynamic";

export const GET = route({ permission: "data:read" }, async ({ principal, params }) => {
  // A malformed id is as unknown as a missing one: 404, like an account outside the caller's scope.
  const id = ZAccountId.safeParse(params.id);
  const account = id.success ? await getAccount(db, principal.scope, id.data) : null;
  if (!account) throw notFound("No such account, or it is outside the part of the organization you can see.");
  return account;
});
