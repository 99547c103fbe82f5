// PUT /api/v1/chargeback/rules/:key – edit a rule as a new version from a month on (admins, audited)
import { route } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { ZRuleSave } from "@/lib/domain/allocation/api-schema";
import { reviseAllocationRule } from "@/lib/server/chargeback/revise-allocation-rule";
import { notFound } from "@/lib/server/errors";

export const PUT = route({ permission: "rules:write", body: ZRuleSave }, ({ principal, body, params }) => {
  if (typeof params.key !== "string") throw notFound();
  return reviseAllocationRule(db, principal, params.key, body);
});
