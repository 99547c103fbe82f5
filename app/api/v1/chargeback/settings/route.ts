// PUT /api/v1/chargeback/settings – allocation order and cost metric (admins, audited)
import { route } from "@/lib/server/http/route";
import { ZSettingsUpdate } from "@/lib/api/chargeback";
import { updateChargebackSettings } from "@/lib/server/chargeback/update-chargeback-settings";

export const PUT = route(
  { permission: "settings:write", body: ZSettingsUpdate },
  ({ db, principal, body }) => updateChargebackSettings(db, principal, body),
);
