// POST /api/v1/alerts/channels/:id/test – send a test alert through the channel (logged as a delivery)
import { z } from "zod";
import { route } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { testAlertChannel } from "@/lib/server/alerts/test-alert-channel";

export const POST = route({ permission: "settings:write" }, ({ principal, params }) => testAlertChannel(db, principal, z.uuid().parse(params.id)));
