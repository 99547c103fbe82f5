// The shadow database is wiped before use: a SHADOW_DATABASE_URL that reaches the main database by
// another spelling (localhost vs 127.0.0.1, a DNS alias) must be refused, not wiped.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/testing/db";
import { prepareShadowDatabase } from "./shadow";

async function tableCount(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'",
    );
    return rows[0]?.n ?? 0;
  } finally {
    await client.end();
  }
}

describe("prepareShadowDatabase", () => {
  const main = useTestDatabase();
  const other = useTestDatabase();

  it("refuses a shadow URL that reaches the main database under another host name, and wipes nothing", async () => {
    const tables = await tableCount(main.url);
    expect(tables).toBeGreaterThan(10);
    const alias = new URL(main.url);
    expect(alias.hostname).toBe("127.0.0.1");
    alias.hostname = "localhost";
    await expect(
      prepareShadowDatabase(main.url, { shadowDatabaseUrl: alias.toString() }),
    ).rejects.toThrow(/reaches the main database/);
    expect(await tableCount(main.url)).toBe(tables);
  });

  it("wipes a different database on the same server", async () => {
    const shadow = await prepareShadowDatabase(main.url, { shadowDatabaseUrl: other.url });
    expect(shadow.url).toBe(other.url);
    expect(await tableCount(other.url)).toBe(0);
    expect(await tableCount(main.url)).toBeGreaterThan(10);
  });
});
