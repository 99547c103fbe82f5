// A private database per test file, cloned from the migrated template: a file-level copy that
// takes milliseconds, where replaying migrations would take seconds.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, inject } from "vitest";
import { createPrismaClient, type Db } from "../lib/db/client";
import { createDatabaseIfMissing, dropDatabase } from "../lib/db/embedded";
import { TEMPLATE_DATABASE } from "./context";

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject("pgAdminUrl");
  const name = `orglens_test_${randomBytes(6).toString("hex")}`;
  await createDatabaseIfMissing(adminUrl, name, TEMPLATE_DATABASE);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => dropDatabase(adminUrl, name) };
}

/**
 * A private database and a Prisma client on it for the enclosing describe block: created before its
 * tests, disconnected and dropped after. Read `db` and `url` inside hooks and tests, not at collection.
 */
export function useTestDatabase(
  setup?: (db: Db, url: string) => Promise<void>,
  setupTimeoutMs?: number,
): { readonly db: Db; readonly url: string } {
  let tdb: TestDatabase | undefined;
  let client: Db | undefined;
  beforeAll(async () => {
    tdb = await createTestDatabase();
    client = createPrismaClient(tdb.url);
    if (setup) await setup(client, tdb.url);
  }, setupTimeoutMs);
  afterAll(async () => {
    await client?.$disconnect();
    await tdb?.drop();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined)
      throw new Error("useTestDatabase: read db and url inside hooks and tests");
    return value;
  };
  return {
    get db() {
      return ready(client);
    },
    get url() {
      return ready(tdb).url;
    },
  };
}
