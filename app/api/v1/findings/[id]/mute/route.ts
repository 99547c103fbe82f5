// POST /api/v1/findings/[id]/mute – mute an open finding with a reason and an expiry; DELETE lifts the mute
import { ZMuteBody } from "@/lib/api/findings";
import { ZUuidParams } from "@/lib/api/params";
import { route } from "@/lib/server/http/route";
import { muteFinding } from "@/lib/server/findings/mute-finding";
import { unmuteFinding } from "@/lib/server/findings/unmute-finding";

export const dynamic = "force-dynamic";

const finding = { params: ZUuidParams, notFound: "No such finding." } as const;

export const POST = route(
  { permission: "findings:mute", ...finding, body: ZMuteBody },
  ({ db, principal, params, body }) => muteFinding(db, principal, params.id, body),
);

export const DELETE = route(
  { permission: "findings:mute", ...finding },
  ({ db, principal, params }) => unmuteFinding(db, principal, params.id),
);
