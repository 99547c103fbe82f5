// First: lib/db reads the environment when first imported.
import "@/testing/placeholder-server-env";
import { beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/lib/domain/access";
import { useTestDatabase } from "@/testing/db";
import { deleteAlertChannel } from "./alerts/delete-alert-channel";
import { deleteAlertRule } from "./alerts/delete-alert-rule";
import { getAlertSettings } from "./alerts/get-alert-settings";
import { saveAlertRule } from "./alerts/save-alert-rule";
import { listAuditEvents } from "./audit/list-audit-events";
import { deleteBudget } from "./budgets/delete-budget";
import { saveBudget } from "./budgets/save-budget";
import { listAllocationRules } from "./chargeback/list-allocation-rules";
import { createAccountRequest } from "./requests/create-account-request";
import { decideAccountRequest } from "./requests/decide-account-request";
import { listAccountRequests } from "./requests/list-account-requests";
import { saveRequestSettings } from "./requests/save-request-settings";
import { showRequestSettings } from "./requests/show-request-settings";
import { deleteRoleBinding, listRoleBindings, saveRoleBinding } from "./settings/role-bindings";

// Root → BU (→ Shop) and Root → Sandbox; the scoped admin and analyst hold the BU subtree.
const at = new Date("2025-01-01T00:00:00Z");
const ou = (id: string, pathIds: string[]) => ({
  id,
  name: id,
  path: `Root/${pathIds.slice(1).join("/")}`,
  pathIds,
  depth: pathIds.length - 1,
  firstSeenAt: at,
  lastSeenAt: at,
  ...(pathIds.length > 1 ? { parentId: pathIds.at(-2) } : {}),
});
const account = (id: string, ouId: string, costCenter: string) => ({
  id,
  name: `acct-${id.slice(-2)}`,
  email: `${id}@x.example`,
  status: "ACTIVE",
  joinedMethod: "CREATED",
  joinedAt: at,
  ouId,
  costCenter,
  firstSeenAt: at,
  lastSeenAt: at,
});
const BU_ACCOUNT = "111111111111";
const SANDBOX_ACCOUNT = "222222222222";
const who = (email: string, role: Principal["role"], ouIds: string[] | null): Principal => ({
  kind: "user",
  email,
  name: null,
  role,
  scope: { ouIds },
});
const admin = who("admin@corp.example", "admin", null);
const sam = who("sam@corp.example", "admin", ["bu"]);
const sue = who("sue@corp.example", "analyst", ["bu"]);
const request = (targetOuId: string) => ({
  name: "New account",
  purpose: "testing",
  environment: "dev" as const,
  targetOuId,
  owner: "o@corp.example",
  costCenter: "CC-1",
  monthlyBudget: null,
});

describe("an OU-scoped admin cannot escalate or act outside its OUs", () => {
  const t = useTestDatabase(async (db) => {
    await db.orgUnit.createMany({
      data: [
        ou("root", ["root"]),
        ou("bu", ["root", "bu"]),
        ou("shop", ["root", "bu", "shop"]),
        ou("sandbox", ["root", "sandbox"]),
      ],
    });
    await db.account.createMany({
      data: [account(BU_ACCOUNT, "shop", "CC-BU"), account(SANDBOX_ACCOUNT, "sandbox", "CC-SBX")],
    });
    await db.roleBinding.create({ data: { group: "bu-admins", role: "admin", ouIds: ["bu"] } });
  });
  let channelId = "";
  beforeAll(async () => {
    channelId = (
      await t.db.alertChannel.create({
        data: { name: "ops", type: "webhook", enabled: false, config: {} },
      })
    ).id;
  });

  it("refuses the escalation: a scoped admin binding its own group as an unscoped admin (403), and every other role-binding change", async () => {
    const attack = saveRoleBinding(t.db, sam, { group: "bu-admins", role: "admin", ouIds: [] });
    await expect(attack).rejects.toMatchObject({ status: 403 });
    await expect(attack).rejects.toThrow(/without an OU scope/);
    expect(
      await t.db.roleBinding.findUnique({ where: { group: "bu-admins" }, select: { ouIds: true } }),
    ).toEqual({ ouIds: ["bu"] });
    await expect(
      saveRoleBinding(t.db, sam, { group: "bu-friends", role: "viewer", ouIds: ["bu"] }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(listRoleBindings(t.db, sam)).rejects.toMatchObject({ status: 403 });
    const { id } = await t.db.roleBinding.findUniqueOrThrow({ where: { group: "bu-admins" } });
    await expect(deleteRoleBinding(t.db, sam, id)).rejects.toMatchObject({ status: 403 });
    // Look-alike: the unscoped admin does it.
    const saved = await saveRoleBinding(t.db, admin, {
      group: "bu-viewers",
      role: "viewer",
      ouIds: ["bu"],
    });
    expect((await listRoleBindings(t.db, admin)).map((b) => b.group)).toContain("bu-viewers");
    expect(await deleteRoleBinding(t.db, admin, saved.id)).toEqual({ deleted: true });
  });

  it("keeps the audit trail, alert channels and request settings to unscoped admins", async () => {
    await expect(listAuditEvents(t.db, sam, { limit: 10 })).rejects.toMatchObject({ status: 403 });
    expect((await listAuditEvents(t.db, admin, { limit: 10 })).events.length).toBeGreaterThan(0);
    await expect(deleteAlertChannel(t.db, sam, channelId)).rejects.toMatchObject({ status: 403 });
    await expect(showRequestSettings(t.db, sam)).rejects.toMatchObject({ status: 403 });
    await expect(
      saveRequestSettings(t.db, sam, {
        createAccounts: true,
        emailTemplate: "x+{name}@evil.example",
        processSince: null,
      }),
    ).rejects.toMatchObject({ status: 403 });
    expect(await showRequestSettings(t.db, admin)).toMatchObject({ createAccounts: false });
  });

  it("lets a scoped admin budget its own accounts and OUs only", async () => {
    await expect(
      saveBudget(t.db, sam, {
        name: "x",
        scopeType: "account",
        scopeId: SANDBOX_ACCOUNT,
        monthlyAmount: 10,
      }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      saveBudget(t.db, sam, { name: "x", scopeType: "ou", scopeId: "sandbox", monthlyAmount: 10 }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      saveBudget(t.db, sam, {
        name: "x",
        scopeType: "costCenter",
        scopeId: "CC-BU",
        monthlyAmount: 10,
      }),
    ).rejects.toMatchObject({ status: 403 });
    const foreign = await saveBudget(t.db, admin, {
      name: "sandbox",
      scopeType: "ou",
      scopeId: "sandbox",
      monthlyAmount: 10,
    });
    await expect(
      saveBudget(
        t.db,
        sam,
        { name: "mine", scopeType: "ou", scopeId: "bu", monthlyAmount: 1 },
        foreign.id,
      ),
    ).rejects.toMatchObject({ status: 404 });
    await expect(deleteBudget(t.db, sam, foreign.id)).rejects.toMatchObject({ status: 404 });
    expect(
      await t.db.budget.findUnique({ where: { id: foreign.id }, select: { name: true } }),
    ).toEqual({ name: "sandbox" });
    // Look-alike: inside its OUs everything works.
    const own = await saveBudget(t.db, sam, {
      name: "shop",
      scopeType: "account",
      scopeId: BU_ACCOUNT,
      monthlyAmount: 10,
    });
    await saveBudget(
      t.db,
      sam,
      { name: "bu", scopeType: "ou", scopeId: "shop", monthlyAmount: 20 },
      own.id,
    );
    expect(await deleteBudget(t.db, sam, own.id)).toEqual({ deleted: true });
  });

  it("lets a scoped admin write and see alert rules for its OUs only", async () => {
    await expect(
      saveAlertRule(t.db, sam, {
        channelId,
        name: "all",
        checkIds: [],
        categories: [],
        severities: [],
        ouIds: [],
      }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      saveAlertRule(t.db, sam, {
        channelId,
        name: "sbx",
        checkIds: [],
        categories: [],
        severities: [],
        ouIds: ["sandbox"],
      }),
    ).rejects.toMatchObject({ status: 403 });
    const orgWide = await saveAlertRule(t.db, admin, {
      channelId,
      name: "org",
      checkIds: [],
      categories: [],
      severities: [],
      ouIds: [],
    });
    const own = await saveAlertRule(t.db, sam, {
      channelId,
      name: "shop",
      checkIds: [],
      categories: [],
      severities: ["critical"],
      ouIds: ["shop"],
    });
    const seen = await getAlertSettings(t.db, sam);
    expect(seen.channels.flatMap((c) => c.rules.map((r) => r.name))).toEqual(["shop"]);
    expect(seen.deliveries).toEqual([]);
    expect(
      (await getAlertSettings(t.db, admin)).channels
        .flatMap((c) => c.rules.map((r) => r.name))
        .sort(),
    ).toEqual(["org", "shop"]);
    await expect(deleteAlertRule(t.db, sam, orgWide.id)).rejects.toMatchObject({ status: 404 });
    expect(await deleteAlertRule(t.db, sam, own.id)).toEqual({ deleted: true });
  });

  it("lets a scoped admin see and decide requests for its OUs only; nobody files into an OU outside their scope", async () => {
    const scheduled: (() => Promise<void>)[] = [];
    await expect(createAccountRequest(t.db, sue, request("sandbox"))).rejects.toMatchObject({
      status: 404,
    });
    expect(await t.db.accountRequest.count({ where: { targetOuId: "sandbox" } })).toBe(0);
    const foreign = await createAccountRequest(
      t.db,
      who("ann@corp.example", "analyst", null),
      request("sandbox"),
    );
    const mine = await createAccountRequest(t.db, sue, request("shop"));
    expect(mine.targetOuPath).toBe("Root/bu/shop");
    expect((await listAccountRequests(t.db, sam)).requests.map((r) => r.id)).toEqual([mine.id]);
    await expect(
      decideAccountRequest(t.db, sam, foreign.id, { decision: "approve", note: "" }, (job) =>
        scheduled.push(job),
      ),
    ).rejects.toMatchObject({ status: 404 });
    expect(scheduled).toEqual([]);
    expect(
      (await t.db.accountRequest.findUniqueOrThrow({ where: { id: foreign.id } })).status,
    ).toBe("requested");
    expect(
      (
        await decideAccountRequest(t.db, sam, mine.id, { decision: "reject", note: "no" }, (job) =>
          scheduled.push(job),
        )
      ).request.status,
    ).toBe("rejected");
    expect((await listAccountRequests(t.db, admin)).requests).toHaveLength(2);
  });

  it("leaves accounts, OUs and cost centers outside the scope out of shared-cost rules", async () => {
    await t.db.allocationRule.create({
      data: {
        ruleKey: "net",
        version: 1,
        name: "Network",
        sourceAccounts: [SANDBOX_ACCOUNT, BU_ACCOUNT],
        sourceServices: [],
        method: "even",
        targets: [
          { kind: "ou", id: "sandbox" },
          { kind: "ou", id: "shop" },
          { kind: "costCenter", id: "CC-SBX" },
          { kind: "costCenter", id: "CC-BU" },
        ],
        validFrom: at,
        createdBy: "admin",
      },
    });
    const scoped = await listAllocationRules(t.db, sue.scope);
    expect(scoped.redacted).toBe(true);
    expect(scoped.rules[0]?.current).toMatchObject({
      sourceAccounts: [BU_ACCOUNT],
      targets: [
        { kind: "ou", id: "shop" },
        { kind: "costCenter", id: "CC-BU" },
      ],
    });
    expect(JSON.stringify(scoped)).not.toMatch(/sandbox|222222222222|CC-SBX/);
    const full = await listAllocationRules(t.db, admin.scope);
    expect(full.redacted).toBe(false);
    expect(full.rules[0]?.current.targets).toHaveLength(4);
  });
});
