// PATCH, DELETE /api/v1/alerts/channels/:id – update (masked secrets kept) or delete an alert channel
import { ZChannelBody } from "@/lib/api/alerts";
import { ZUuidParams } from "@/lib/api/params";
import { route } from "@/lib/server/http/route";
import { deleteAlertChannel } from "@/lib/server/alerts/delete-alert-channel";
import { saveAlertChannel } from "@/lib/server/alerts/save-alert-channel";

const channel = {
  permission: "settings:write",
  params: ZUuidParams,
  notFound: "No such alert channel.",
} as const;

export const PATCH = route({ ...channel, body: ZChannelBody }, ({ db, principal, body, params }) =>
  saveAlertChannel(db, principal, body, params.id),
);

export const DELETE = route(channel, ({ db, principal, params }) =>
  deleteAlertChannel(db, principal, params.id),
);
