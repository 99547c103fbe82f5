// moto with the standard organization beside a private Postgres: what the AWS source's
// integration tests start before all of a file's tests and stop after.
import { createPrismaClient, type Db } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/testing/db";
import { startMoto, type MotoServer } from "@/testing/moto";
import { buildOrg, type MotoOrg } from "./moto-org";

export interface MotoOrgDb {
  moto: MotoServer;
  database: TestDatabase;
  db: Db;
  org: MotoOrg;
}

export async function stopMotoOrgDb(env: Partial<MotoOrgDb>): Promise<void> {
  await env.db?.$disconnect();
  await env.database?.drop();
  await env.moto?.stop();
}

export async function startMotoOrgDb(): Promise<MotoOrgDb> {
  const [moto, database] = await Promise.all([startMoto(), createTestDatabase()]);
  const db = createPrismaClient(database.url);
  try {
    return { moto, database, db, org: await buildOrg(moto.endpoint) };
  } catch (e) {
    // The caller never receives the servers, so its afterAll cannot stop them.
    await stopMotoOrgDb({ moto, database, db });
    throw e;
  }
}
