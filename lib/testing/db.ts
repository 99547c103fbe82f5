// A private database per test file, cloned from the migrated template: a file-level copy that
// takes milliseconds, where replaying migrations would take seconds.
import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { createDatabaseIfMissing, dropDatabase } from "../db/embedded";
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
