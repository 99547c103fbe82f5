// The one route that is not behind `route()`: EventBridge delivers with an ingest token, which no
// other route accepts, and no session or API token may post events.
import "server-only";
import { after, type NextRequest } from "next/server";
import { db } from "@/lib/db";
import { receiveEvents } from "@/lib/server/events/receive-events";

export const eventsRoute = (req: NextRequest) => receiveEvents(req, { db, defer: after });
