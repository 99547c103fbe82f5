import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./db";

async function query(url: string, sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

describe("createTestDatabase", () => {
  let a: TestDatabase;
  let b: TestDatabase;

  beforeAll(async () => {
    [a, b] = [await createTestDatabase(), await createTestDatabase()];
  });

  afterAll(async () => {
    await a?.drop();
    await b?.drop();
  });

  it("clones the migrated template", async () => {
    const { rows } = await query(a.url, "SELECT to_regclass('public._prisma_migrations') AS t");
    expect(rows[0]).toEqual({ t: "_prisma_migrations" });
  });

  it("gives each caller its own database", async () => {
    expect(a.url).not.toBe(b.url);
    await query(a.url, "CREATE TABLE only_in_a (id int)");
    const { rows } = await query(b.url, "SELECT to_regclass('public.only_in_a') AS t");
    expect(rows[0]).toEqual({ t: null });
  });

  it("drop() removes the database", async () => {
    const c = await createTestDatabase();
    await c.drop();
    await expect(query(c.url, "SELECT 1")).rejects.toThrow(/does not exist/);
  });
});
