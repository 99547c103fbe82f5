// GET, PUT /api/v1/settings/checks – the check and KPI settings with their defaults; a partial change (null resets)
import { ZCheckSettingsChange } from "@/lib/api/check-settings";
import { route } from "@/lib/server/http/route";
import { getCheckSettings } from "@/lib/server/settings/get-check-settings";
import { saveCheckSettings } from "@/lib/server/settings/save-check-settings";

export const dynamic = "force-dynamic";

export const GET = route({ permission: "settings:write" }, ({ db, principal }) =>
  getCheckSettings(db, principal),
);

export const PUT = route(
  { permission: "settings:write", body: ZCheckSettingsChange },
  ({ db, principal, body }) => saveCheckSettings(db, principal, body),
);
