// DELETE /api/v1/alerts/rules/:id – remove an alert rule
import { z } from "zod";
import { route } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { deleteAlertRule } from "@/lib/server/alerts/delete-alert-rule";

export const DELETE = route({ permission: "settings:write" }, ({ principal, params }) => deleteAlertRule(db, principal, z.uuid().parse(params.id)));
