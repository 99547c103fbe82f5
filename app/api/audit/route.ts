// GET /api/audit – the audit trail, newest first (admins)
import { route } from "@/lib/auth/guard";
import { listAuditEvents, ZAuditQuery } from "@/lib/server/audit/list-audit-events";

export const GET = route({ permission: "audit:read", query: ZAuditQuery }, ({ query }) => listAuditEvents(query));
