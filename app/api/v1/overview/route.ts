// GET /api/v1/overview – account count, last full month's spend and the 12-month spend trend
import { route } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { getOverview } from "@/lib/server/overview/get-overview";

export const dynamic = "force-dynamic";

export const GET = route({ permission: "dashboard:read" }, ({ principal }) => getOverview(db, principal.scope));
