// POST /api/v1/alerts/channels – create an alert channel (Slack, Teams, signed webhook or email)
import { route } from "@/lib/server/http/route";
import { ZChannelBody } from "@/lib/api/alerts";
import { saveAlertChannel } from "@/lib/server/alerts/save-alert-channel";

export const POST = route(
  { permission: "settings:write", body: ZChannelBody },
  ({ db, principal, body }) => saveAlertChannel(db, principal, body),
);
