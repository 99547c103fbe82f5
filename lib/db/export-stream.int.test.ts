import pg from "pg";
import { describe, expect, it } from "vitest";
import { focusCsvPieces } from "@/lib/focus/export-focus";
import { useTestDatabase } from "@/testing/db";
import { EXPORT_POOL_MAX, streamRows } from "./export-stream";

async function countConnections(url: string, exports: boolean): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND (application_name = 'orglens-export') = $1",
      [exports],
    );
    return r.rows[0]?.n ?? -1;
  } finally {
    await c.end();
  }
}
const exportConnections = (url: string) => countConnections(url, true);

describe("export streams share one bounded pool", () => {
  const t = useTestDatabase();

  it("never opens more than the pool's connections, however many exports run at once", async () => {
    const streams = Array.from({ length: EXPORT_POOL_MAX + 3 }, () =>
      streamRows(t.url, "SELECT generate_series(1, 100000) AS n", []),
    );
    // Every export asks for its first row; those beyond the pool wait for a free connection.
    const firsts = streams.map((s) => s.next());
    await Promise.all(firsts.slice(0, EXPORT_POOL_MAX));
    expect(await exportConnections(t.url)).toBe(EXPORT_POOL_MAX);
    // Closing the running exports lets the waiting ones through, still on the same bounded pool.
    await Promise.all(streams.slice(0, EXPORT_POOL_MAX).map((s) => s.return(undefined)));
    await Promise.all(firsts.slice(EXPORT_POOL_MAX));
    expect(await exportConnections(t.url)).toBeLessThanOrEqual(EXPORT_POOL_MAX);
    await Promise.all(streams.map((s) => s.return(undefined)));
  });

  it("the FOCUS export reads through the same pool instead of its own connection", async () => {
    const others = await countConnections(t.url, false);
    const rows = focusCsvPieces(t.url, { from: "2026-01-01", to: "2026-12-01", accountIds: null });
    expect((await rows.next()).done).toBe(false);
    expect(await countConnections(t.url, false), "no connection outside the export pool").toBe(
      others,
    );
    expect(await exportConnections(t.url)).toBeGreaterThanOrEqual(1);
    await rows.return(undefined);
  });
});
