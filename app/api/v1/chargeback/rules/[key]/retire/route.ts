// POST /api/v1/chargeback/rules/:key/retire – stop a rule from a month on (admins, audited)
import { route } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { ZRuleRetire } from "@/lib/domain/allocation/api-schema";
import { retireAllocationRule } from "@/lib/server/chargeback/retire-allocation-rule";
import { notFound } from "@/lib/server/errors";

export const POST = route({ permission: "rules:write", body: ZRuleRetire }, ({ principal, body, params }) => {
  if (typeof params.key !== "string") throw notFound();
  return retireAllocationRule(db, principal, params.key, body);
});
