// GET /api/v1/findings/[id] – one finding with evidence, remediation and history (404 outside the caller's scope)
import { ZUuidParams } from "@/lib/api/params";
import { route } from "@/lib/server/http/route";
import { getFinding } from "@/lib/server/findings/get-finding";

export const dynamic = "force-dynamic";

export const GET = route(
  { permission: "data:read", params: ZUuidParams, notFound: "No such finding." },
  ({ db, principal, params }) => getFinding(db, principal, params.id),
);
