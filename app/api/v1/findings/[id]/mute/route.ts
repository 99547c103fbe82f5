// POST /api/v1/findings/[id]/mute – mute an open finding with a reason and an expiry; DELETE lifts the mute
import { route } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { ZMuteBody } from "@/lib/api/findings";
import { muteFinding } from "@/lib/server/findings/mute-finding";
import { unmuteFinding } from "@/lib/server/findings/unmute-finding";

export const dynamic = "force-dynamic";

export const POST = route(
  { permission: "findings:mute", body: ZMuteBody },
  ({ principal, params, body }) => muteFinding(db, principal, String(params.id), body),
);

export const DELETE = route({ permission: "findings:mute" }, ({ principal, params }) =>
  unmuteFinding(db, principal, String(params.id)),
);
