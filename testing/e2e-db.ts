// For specs that check shown figures against the database the e2e server runs on.
import { readFileSync } from "node:fs";
import pg from "pg";
import { E2E_ENV_FILE, type E2eEnv } from "./e2e-env";

function databaseUrl(): string {
  let env: E2eEnv;
  try {
    env = JSON.parse(readFileSync(E2E_ENV_FILE, "utf8")) as E2eEnv;
  } catch (error) {
    throw new Error(`${E2E_ENV_FILE} is unreadable; is scripts/e2e-server.ts running?`, {
      cause: error,
    });
  }
  return env.databaseUrl;
}

/** One short-lived connection per call: specs query rarely, and nothing is left open between tests. */
export async function e2eQuery<Row extends pg.QueryResultRow = pg.QueryResultRow>(
  sql: string,
  params: unknown[] = [],
): Promise<Row[]> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    const result = await client.query<Row>(sql, params);
    return result.rows;
  } finally {
    await client.end();
  }
}
