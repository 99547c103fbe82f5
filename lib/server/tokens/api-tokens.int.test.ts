// First: lib/db reads the environment when first imported.
import "@/testing/placeholder-server-env";
import { beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/lib/domain/access";
import { useTestDatabase } from "@/testing/db";
import { createApiToken } from "./create-api-token";
import { listApiTokens } from "./list-api-tokens";
import { revokeApiToken } from "./revoke-api-token";
import { verifyApiToken } from "./verify-api-token";

const at = new Date("2025-01-01T00:00:00Z");
const ou = (id: string, pathIds: string[]) => ({
  id,
  name: id,
  path: pathIds.join("/"),
  pathIds,
  depth: pathIds.length - 1,
  firstSeenAt: at,
  lastSeenAt: at,
  ...(pathIds.length > 1 ? { parentId: pathIds.at(-2) } : {}),
});
const user = (
  email: string,
  groups: string[],
  role: Principal["role"],
  ouIds: string[] | null,
): Principal => ({ kind: "user", email, name: null, role, scope: { ouIds }, groups });
const NO_ADMINS = { adminEmails: [] };

describe("API tokens: never more than their creator holds now", () => {
  const t = useTestDatabase(async (db) => {
    await db.orgUnit.createMany({
      data: [
        ou("root", ["root"]),
        ou("prod", ["root", "prod"]),
        ou("shop", ["root", "prod", "shop"]),
        ou("sandbox", ["root", "sandbox"]),
      ],
    });
  });
  const bind = async (group: string, role: string, ouIds: string[]) => {
    await t.db.roleBinding.upsert({
      where: { group },
      create: { group, role, ouIds },
      update: { role, ouIds },
    });
  };
  beforeAll(async () => {
    await bind("analysts", "analyst", []);
    await bind("prod-team", "analyst", ["prod"]);
  });

  it("re-resolves the creator on every request: demoted, narrowed, moved away, removed", async () => {
    const ann = user("ann@corp.example", ["prod-team"], "analyst", ["prod"]);
    const { secret } = await createApiToken(t.db, ann, { name: "BI", expiresInDays: 30 });
    expect(await verifyApiToken(t.db, secret, NO_ADMINS)).toMatchObject({
      kind: "token",
      email: ann.email,
      role: "analyst",
      scope: { ouIds: ["prod"] },
    });

    await bind("prod-team", "viewer", ["prod"]);
    expect(await verifyApiToken(t.db, secret, NO_ADMINS)).toMatchObject({
      role: "viewer",
      scope: { ouIds: ["prod"] },
    });

    await bind("prod-team", "analyst", ["shop"]);
    expect(await verifyApiToken(t.db, secret, NO_ADMINS)).toMatchObject({
      role: "analyst",
      scope: { ouIds: ["shop"] },
    });

    await bind("prod-team", "analyst", ["sandbox"]);
    expect(await verifyApiToken(t.db, secret, NO_ADMINS)).toBeNull();

    await t.db.roleBinding.delete({ where: { group: "prod-team" } });
    expect(await verifyApiToken(t.db, secret, NO_ADMINS)).toBeNull();
    await bind("prod-team", "analyst", ["prod"]);
  });

  it("look-alike: an unscoped creator keeps the token's own scope, and a bootstrap admin's token lives on", async () => {
    const bob = user("bob@corp.example", ["analysts"], "analyst", null);
    const { secret } = await createApiToken(t.db, bob, { name: "all", expiresInDays: 30 });
    expect(await verifyApiToken(t.db, secret, NO_ADMINS)).toMatchObject({
      role: "analyst",
      scope: { ouIds: null },
    });

    const root = user("root@corp.example", [], "admin", null);
    const boot = await createApiToken(t.db, root, { name: "bootstrap", expiresInDays: 30 });
    expect(
      await verifyApiToken(t.db, boot.secret, { adminEmails: ["ROOT@corp.example"] }),
    ).toMatchObject({ role: "admin", scope: { ouIds: null } });
    expect(await verifyApiToken(t.db, boot.secret, NO_ADMINS)).toBeNull();
  });

  it("writes the last use at most once a minute", async () => {
    const cid = user("cid@corp.example", ["analysts"], "analyst", null);
    const { id, secret } = await createApiToken(t.db, cid, { name: "busy", expiresInDays: 30 });
    const lastUse = async () =>
      (
        await t.db.apiToken.findUniqueOrThrow({ where: { id }, select: { lastUsedAt: true } })
      ).lastUsedAt?.toISOString() ?? null;
    const settle = () => new Promise((resolve) => setTimeout(resolve, 200));
    await verifyApiToken(t.db, secret, { ...NO_ADMINS, now: new Date("2026-03-01T10:00:00Z") });
    await settle();
    expect(await lastUse()).toBe("2026-03-01T10:00:00.000Z");
    await verifyApiToken(t.db, secret, { ...NO_ADMINS, now: new Date("2026-03-01T10:00:59Z") });
    await settle();
    expect(await lastUse()).toBe("2026-03-01T10:00:00.000Z");
    await verifyApiToken(t.db, secret, { ...NO_ADMINS, now: new Date("2026-03-01T10:01:00Z") });
    await settle();
    expect(await lastUse()).toBe("2026-03-01T10:01:00.000Z");
  });

  it("an unscoped admin lists and revokes everyone's tokens; anyone else only their own", async () => {
    const dee = user("dee@corp.example", ["analysts"], "analyst", null);
    const { id, secret } = await createApiToken(t.db, dee, { name: "dee's", expiresInDays: 30 });
    const admin = user("admin@corp.example", [], "admin", null);
    const scopedAdmin = user("sam@corp.example", [], "admin", ["prod"]);
    const other = user("eve@corp.example", ["analysts"], "analyst", null);

    expect((await listApiTokens(t.db, other)).tokens.map((x) => x.id)).not.toContain(id);
    expect(await listApiTokens(t.db, scopedAdmin)).toMatchObject({ everyone: false });
    await expect(revokeApiToken(t.db, other, id)).rejects.toMatchObject({ status: 404 });
    await expect(revokeApiToken(t.db, scopedAdmin, id)).rejects.toMatchObject({ status: 404 });

    const all = await listApiTokens(t.db, admin);
    expect(all.everyone).toBe(true);
    expect(all.tokens.find((x) => x.id === id)).toMatchObject({
      ownerEmail: dee.email,
      name: "dee's",
    });
    expect(await revokeApiToken(t.db, admin, id)).toEqual({ revoked: true });
    expect(await verifyApiToken(t.db, secret, NO_ADMINS)).toBeNull();
  });
});
