// Vitest globalSetup of the integration project: one Postgres cluster per run, with a migrated
// template database that each test file clones (see db.ts) instead of migrating from scratch.
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../lib/db/migrate";
import { sealTemplate, startTestCluster, stopTestCluster } from "./cluster";
import { TEMPLATE_DATABASE } from "./context";
import { preserveExitCode } from "../lib/db/preserve-exit-code";
import { slotted } from "./slot";

const CLUSTER = slotted("test-pg");

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // This process is vitest's own: without it, a failing run would exit 0.
  preserveExitCode();
  const db = await startTestCluster(CLUSTER, TEMPLATE_DATABASE);
  try {
    await applyMigrations(db.url);
    await sealTemplate(db.adminUrl, TEMPLATE_DATABASE);
  } catch (error) {
    await stopTestCluster(db, CLUSTER);
    throw error;
  }
  project.provide("pgAdminUrl", db.adminUrl);
  return () => stopTestCluster(db, CLUSTER);
}
