// GET, POST /api/v1/views – the caller's saved views and the shared ones (?page=…, ?pinned=1); save one
import { ZSavedViewInput, ZSavedViewQuery } from "@/lib/api/saved-views";
import { route } from "@/lib/server/http/route";
import { createSavedView } from "@/lib/server/saved-views/create-saved-view";
import { listSavedViews } from "@/lib/server/saved-views/list-saved-views";

export const GET = route(
  { permission: "self:manage", query: ZSavedViewQuery },
  ({ db, principal, query }) =>
    listSavedViews(db, principal, { page: query.page, pinnedOnly: query.pinned === "1" }),
);

export const POST = route(
  { permission: "self:manage", body: ZSavedViewInput },
  ({ db, principal, body }) => createSavedView(db, principal, body),
);
