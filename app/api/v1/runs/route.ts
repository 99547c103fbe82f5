// GET /api/v1/runs – collection runs, newest first; POST /api/v1/runs – start a collection run now
import { after, NextResponse } from "next/server";
import { ZRunListQuery, ZTriggerRunBody } from "@/lib/api/runs";
import { route } from "@/lib/server/http/route";
import { listRuns } from "@/lib/server/runs/list-runs";
import { triggerRun } from "@/lib/server/runs/trigger-run";

export const dynamic = "force-dynamic";

export const GET = route(
  { permission: "data:read", query: ZRunListQuery },
  ({ db, principal, query }) => listRuns(db, principal.scope, query),
);

export const POST = route(
  { permission: "runs:trigger", body: ZTriggerRunBody },
  async ({ db, databaseUrl, principal }) => {
    const { run, proceed } = await triggerRun(db, databaseUrl, principal);
    // The run produces its snapshot once the 202 has left; `after` also keeps hosts that freeze idle handlers from cutting it short.
    after(proceed);
    return NextResponse.json(run, { status: 202, headers: { location: `/api/v1/runs/${run.id}` } });
  },
);
