// POST /api/v1/findings/assign – set (or clear, with owner null) the owner, due date and ticket of findings
import { ZAssignBody } from "@/lib/api/findings";
import { route } from "@/lib/server/http/route";
import { assignFindings } from "@/lib/server/findings/assign-findings";

export const dynamic = "force-dynamic";

export const POST = route(
  { permission: "findings:assign", body: ZAssignBody },
  ({ db, principal, body }) => assignFindings(db, principal, body),
);
