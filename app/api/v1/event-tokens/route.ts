// GET /api/v1/event-tokens – ingest tokens with last use; POST – create one (secret shown once)
import { ZCreateIngestToken } from "@/lib/api/events";
import { route } from "@/lib/server/http/route";
import { createIngestToken } from "@/lib/server/events/create-ingest-token";
import { listIngestTokens } from "@/lib/server/events/list-ingest-tokens";

export const GET = route({ permission: "settings:write" }, ({ db, principal }) =>
  listIngestTokens(db, principal),
);

export const POST = route(
  { permission: "settings:write", body: ZCreateIngestToken },
  ({ db, principal, body }) => createIngestToken(db, principal, body),
);
