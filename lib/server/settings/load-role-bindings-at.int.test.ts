import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resolveRole } from "@/lib/auth/resolve-role";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { dataVersion } from "@/lib/server/response-cache";
import { createTestDatabase, type TestDatabase } from "@/testing/db";
import { loadRoleBindingsAt } from "./load-role-bindings-at";

describe("role bindings per data version", () => {
  let tdb: TestDatabase;
  let db: Db;
  const roleOf = async (groups: string[]) => {
    const version = await dataVersion(db);
    const bindings = await loadRoleBindingsAt(db, version);
    return resolveRole({ verifiedEmail: null, groups, bindings, adminEmails: [] });
  };

  beforeAll(async () => {
    tdb = await createTestDatabase();
    db = createPrismaClient(tdb.url);
  });
  afterAll(async () => {
    globalThis.orglensRoleBindings = undefined;
    await db?.$disconnect();
    await tdb?.drop();
  });
  beforeEach(async () => {
    globalThis.orglensRoleBindings = undefined;
    await db.roleBinding.deleteMany();
  });

  it("reads the bindings once per version, and a committed change is seen by the next request", async () => {
    await db.roleBinding.create({ data: { group: "finance", role: "admin", ouIds: [] } });
    expect(await roleOf(["finance"])).toEqual({ role: "admin", scope: { ouIds: null } });
    const version = await dataVersion(db);
    const first = await loadRoleBindingsAt(db, version);
    expect(await loadRoleBindingsAt(db, version)).toBe(first);

    // The admin demotes the group and narrows it to one OU: the very next request sees it.
    await db.roleBinding.update({
      where: { group: "finance" },
      data: { role: "viewer", ouIds: ["ou-a"] },
    });
    expect(await dataVersion(db)).not.toBe(version);
    expect(await roleOf(["finance"])).toEqual({ role: "viewer", scope: { ouIds: ["ou-a"] } });

    // Removed: no role at all.
    await db.roleBinding.delete({ where: { group: "finance" } });
    expect(await roleOf(["finance"])).toBeNull();
  });

  it("reads them every time while no version can be trusted (an open write)", async () => {
    await db.roleBinding.create({ data: { group: "ops", role: "analyst", ouIds: [] } });
    const a = await loadRoleBindingsAt(db, null);
    const b = await loadRoleBindingsAt(db, null);
    expect(a).toEqual(b);
    expect(a).not.toBe(b);
    expect(globalThis.orglensRoleBindings).toBeUndefined();
  });
});
