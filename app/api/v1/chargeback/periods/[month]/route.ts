// PUT /api/v1/chargeback/periods/:month – close a month (freeze its chargeback); DELETE – re-open it (admins, audited)
import { ZMonthParams } from "@/lib/api/params";
import { route } from "@/lib/server/http/route";
import { closePeriod } from "@/lib/server/chargeback/close-period";
import { reopenPeriod } from "@/lib/server/chargeback/reopen-period";

const spec = {
  permission: "periods:close",
  params: ZMonthParams,
  notFound: "No such month.",
} as const;

export const PUT = route(spec, ({ db, principal, params }) =>
  closePeriod(db, principal, params.month),
);

export const DELETE = route(spec, ({ db, principal, params }) =>
  reopenPeriod(db, principal, params.month),
);
