// GET /api/v1/findings – findings under the filters (check, category, severity, OU, account, status), keyset-paged, with counts
import { route } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { ZFindingsQuery } from "@/lib/api/findings";
import { listFindings } from "@/lib/server/findings/list-findings";

export const dynamic = "force-dynamic";

export const GET = route(
  { permission: "data:read", query: ZFindingsQuery, cache: true },
  ({ principal, query }) => listFindings(db, principal.scope, query),
);
