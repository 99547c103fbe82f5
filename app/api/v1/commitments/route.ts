// GET /api/v1/commitments – Savings Plans / RI coverage and utilization by month, per account, and commitments expiring in 30/60/90 days
import { route } from "@/lib/server/http/route";
import { ZCommitmentsQuery } from "@/lib/api/commitments";
import { getCommitments } from "@/lib/server/commitments/get-commitments";

export const dynamic = "force-dynamic";

export const GET = route(
  { permission: "dashboard:read", query: ZCommitmentsQuery, cache: true },
  ({ db, principal, query }) => getCommitments(db, principal.scope, query),
);
