import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/testing/db";

describe("the audit trail", () => {
  let tdb: Awaited<ReturnType<typeof createTestDatabase>>;
  let client: pg.Client;

  beforeAll(async () => {
    tdb = await createTestDatabase();
    client = new pg.Client({ connectionString: tdb.url });
    await client.connect();
    await client.query(
      "INSERT INTO audit_event (actor, action, target) VALUES ('a@x.example', 'export.costs', 'view')",
    );
  });
  afterAll(async () => {
    await client.end();
    await tdb.drop();
  });

  it("accepts new events", async () => {
    await client.query(
      "INSERT INTO audit_event (actor, action) VALUES ('b@x.example', 'auth.sign_in')",
    );
    const { rows } = await client.query<{ n: string }>(
      "SELECT count(*)::text AS n FROM audit_event",
    );
    expect(rows[0]?.n).toBe("2");
  });

  it.each([
    ["UPDATE", "UPDATE audit_event SET actor = 'someone-else'"],
    ["DELETE", "DELETE FROM audit_event"],
    ["TRUNCATE", "TRUNCATE audit_event"],
  ])("refuses %s, whoever asks", async (op, sql) => {
    await expect(client.query(sql)).rejects.toThrow(
      `audit_event is append-only: ${op} is not allowed`,
    );
    const { rows } = await client.query<{ actor: string }>(
      "SELECT actor FROM audit_event ORDER BY id LIMIT 1",
    );
    expect(rows[0]?.actor).toBe("a@x.example");
  });
});
