// GET /api/v1/alerts – alert channels (secrets masked), their rules, and the latest deliveries
import { route } from "@/lib/server/http/route";
import { getAlertSettings } from "@/lib/server/alerts/get-alert-settings";

export const dynamic = "force-dynamic";

export const GET = route({ permission: "settings:write" }, ({ db, principal }) =>
  getAlertSettings(db, principal),
);
