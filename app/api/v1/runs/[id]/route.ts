// GET /api/v1/runs/[id] – one collection run with its progress and per-account errors
import { z } from "zod";
import { route } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { notFound } from "@/lib/server/errors";
import { getRun } from "@/lib/server/runs/get-run";

export const dynamic = "force-dynamic";

export const GET = route({ permission: "data:read" }, ({ principal, params }) => {
  const id = z.uuid().safeParse(params.id);
  if (!id.success) throw notFound("No such collection run.");
  return getRun(db, principal.scope, id.data);
});
