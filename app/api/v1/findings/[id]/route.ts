// GET /api/v1/findings/[id] – one finding with evidence, remediation and history (404 outside the caller's scope)
import { route } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { getFinding } from "@/lib/server/findings/get-finding";

export const dynamic = "force-dynamic";

export const GET = route({ permission: "data:read" }, ({ principal, params }) =>
  getFinding(db, principal, String(params.id)),
);
