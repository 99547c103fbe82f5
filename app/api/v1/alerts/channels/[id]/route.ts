// PATCH, DELETE /api/v1/alerts/channels/:id – update (masked secrets kept) or delete an alert channel
import { z } from "zod";
import { route } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { ZChannelBody } from "@/lib/alerts/api-schema";
import { deleteAlertChannel } from "@/lib/server/alerts/delete-alert-channel";
import { saveAlertChannel } from "@/lib/server/alerts/save-alert-channel";

export const PATCH = route({ permission: "settings:write", body: ZChannelBody }, ({ principal, body, params }) => saveAlertChannel(db, principal, body, z.uuid().parse(params.id)));

export const DELETE = route({ permission: "settings:write" }, ({ principal, params }) => deleteAlertChannel(db, principal, z.uuid().parse(params.id)));
