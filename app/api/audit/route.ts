// GET /api/audit – the audit trail, newest first (unscoped admins)
import { route } from "@/lib/server/http/route";
import { ZAuditQuery } from "@/lib/api/settings";
import { listAuditEvents } from "@/lib/server/audit/list-audit-events";

export const GET = route(
  { permission: "audit:read", query: ZAuditQuery },
  ({ db, principal, query }) => listAuditEvents(db, principal, query),
);
