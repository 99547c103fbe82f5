// The app's Prisma client: one per process (survives Next.js dev reloads through globalThis).
import "server-only";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { env } from "@/lib/env";

declare global {
  var orglensDb: Db | undefined;
}

export const db: Db = globalThis.orglensDb ?? createPrismaClient(env.DATABASE_URL);

if (env.NODE_ENV !== "production") globalThis.orglensDb = db;
