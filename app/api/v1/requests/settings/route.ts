// GET, PUT /api/v1/requests/settings – whether approvals create accounts through Organizations
import { route } from "@/lib/server/http/route";
import { ZRequestSettings } from "@/lib/api/requests";
import { showRequestSettings } from "@/lib/server/requests/show-request-settings";
import { saveRequestSettings } from "@/lib/server/requests/save-request-settings";

export const dynamic = "force-dynamic";

export const GET = route({ permission: "settings:write" }, ({ db, principal }) =>
  showRequestSettings(db, principal),
);

export const PUT = route(
  { permission: "settings:write", body: ZRequestSettings },
  ({ db, principal, body }) => saveRequestSettings(db, principal, body),
);
