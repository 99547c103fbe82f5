// PATCH, DELETE /api/v1/views/:id – rename, share or pin a saved view; delete it
import { ZSavedViewParams, ZSavedViewPatch } from "@/lib/api/saved-views";
import { route } from "@/lib/server/http/route";
import { deleteSavedView } from "@/lib/server/saved-views/delete-saved-view";
import { updateSavedView } from "@/lib/server/saved-views/update-saved-view";

const view = {
  permission: "self:manage",
  params: ZSavedViewParams,
  notFound: "No such saved view.",
} as const;

export const PATCH = route({ ...view, body: ZSavedViewPatch }, ({ db, principal, params, body }) =>
  updateSavedView(db, principal, params.id, body),
);

export const DELETE = route(view, ({ db, principal, params }) =>
  deleteSavedView(db, principal, params.id),
);
