// GET /api/audit – the audit trail, newest first (unscoped admins)
import { route } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { listAuditEvents, ZAuditQuery } from "@/lib/server/audit/list-audit-events";

export const GET = route({ permission: "audit:read", query: ZAuditQuery }, ({ principal, query }) => listAuditEvents(db, principal, query));
