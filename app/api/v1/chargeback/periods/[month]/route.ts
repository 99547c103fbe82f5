// PUT /api/v1/chargeback/periods/:month – close a month (freeze its chargeback); DELETE – re-open it (admins, audited)
import { route } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { ZMonthParam } from "@/lib/domain/allocation/api-schema";
import { closePeriod } from "@/lib/server/chargeback/close-period";
import { reopenPeriod } from "@/lib/server/chargeback/reopen-period";
import { notFound } from "@/lib/server/errors";

function monthOf(param: unknown): string {
  const parsed = ZMonthParam.safeParse(param);
  if (!parsed.success) throw notFound("No such month.");
  return parsed.data;
}

export const PUT = route({ permission: "periods:close" }, ({ principal, params }) => closePeriod(db, principal, monthOf(params.month)));

export const DELETE = route({ permission: "periods:close" }, ({ principal, params }) => reopenPeriod(db, principal, monthOf(params.month)));
