// DELETE /api/v1/event-tokens/:id – revoke an ingest token
import { ZUuidParams } from "@/lib/api/params";
import { route } from "@/lib/server/http/route";
import { revokeIngestToken } from "@/lib/server/events/revoke-ingest-token";

export const DELETE = route(
  { permission: "settings:write", params: ZUuidParams, notFound: "No such active ingest token." },
  ({ db, principal, params }) => revokeIngestToken(db, principal, params.id),
);
