// POST /api/v1/alerts/channels/:id/test – send a test alert through the channel (logged as a delivery)
import { ZUuidParams } from "@/lib/api/params";
import { route } from "@/lib/server/http/route";
import { testAlertChannel } from "@/lib/server/alerts/test-alert-channel";

export const POST = route(
  { permission: "settings:write", params: ZUuidParams, notFound: "No such alert channel." },
  ({ db, principal, params }) => testAlertChannel(db, principal, params.id),
);
