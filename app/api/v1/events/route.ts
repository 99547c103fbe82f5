// POST /api/v1/events – EventBridge events (one, or an array of up to 100), ingest token only
import { eventsRoute } from "@/lib/server/http/events-route";

export const POST = eventsRoute;
