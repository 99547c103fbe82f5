// GET /api/v1/runs/[id] – one collection run with its progress and per-account errors
import { ZUuidParams } from "@/lib/api/params";
import { route } from "@/lib/server/http/route";
import { getRun } from "@/lib/server/runs/get-run";

export const dynamic = "force-dynamic";

export const GET = route(
  { permission: "data:read", params: ZUuidParams, notFound: "No such collection run." },
  ({ db, principal, params }) => getRun(db, principal.scope, params.id),
);
