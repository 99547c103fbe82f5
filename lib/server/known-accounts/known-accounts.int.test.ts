import { describe, expect, it } from "vitest";
import { runCollection } from "@/lib/collect/run";
import { evaluateRun } from "@/lib/collect/evaluate";
import { ACC, EXTERNAL_ACCOUNT, OU, baselineSnapshot } from "@/testing/checks/fixtures";
import { ORG_ACCOUNT_OUTSIDE } from "@/lib/domain/checks/org-account-outside";
import { KPI, ORG_SCOPE } from "@/lib/domain/kpis";
import { AppError } from "@/lib/errors";
import { useTestDatabase } from "@/testing/db";
import { createKnownAccount } from "./create-known-account";
import { deleteKnownAccount } from "./delete-known-account";
import { importKnownAccounts } from "./import-known-accounts";
import { listKnownAccounts } from "./list-known-accounts";
import { updateKnownAccount } from "./update-known-account";

const ADMIN = { email: "admin@example.com", scope: { ouIds: null } };
const SCOPED_ADMIN = { email: "lead@example.com", scope: { ouIds: [OU.prod] } };
const LEGACY = "888877776666";
const CMDB = [
  "Account ID,Account Name,Owner",
  `${ACC.dev},shop-dev (CMDB),dev-team@example.com`,
  `${ACC.prod},shop-prod,prod-team@example.com`,
  `${EXTERNAL_ACCOUNT},Legacy marketing,ana@example.com`,
  `${LEGACY},Old data lake,bo@example.com`,
].join("\n");

describe("known accounts feed ORG_ACCOUNT_OUTSIDE and the managed-accounts KPI", () => {
  const t = useTestDatabase();
  let day = 10;
  const collect = () => {
    const snap = baselineSnapshot();
    snap.collectedAt = `2026-03-${day++}T06:00:00.000Z`;
    return runCollection(t.db, t.url, {
      source: "demo",
      produce: () => Promise.resolve(snap),
      evaluate: evaluateRun,
    });
  };
  const managedPct = async () =>
    (
      await t.db.kpiSnapshot.findFirstOrThrow({
        where: { kpiId: KPI.ACCOUNTS_IN_ORG_PCT, scopeId: ORG_SCOPE },
        orderBy: { at: "desc" },
      })
    ).value?.toNumber();
  const openOutside = async () =>
    (
      await t.db.finding.findMany({
        where: { checkId: ORG_ACCOUNT_OUTSIDE, status: "open" },
        orderBy: { accountId: "asc" },
      })
    ).map((f) => f.accountId);

  it("is 100% with an empty inventory", async () => {
    expect((await collect()).status).toBe("succeeded");
    expect(await managedPct()).toBe(100);
    expect(await openOutside()).toEqual([]);
  });

  it("imports a CMDB export; the next run flags only the accounts outside the organization", async () => {
    expect(await importKnownAccounts(t.db, ADMIN, CMDB, "cmdb.csv")).toEqual({
      created: 4,
      updated: 0,
      unchanged: 0,
    });
    const list = await listKnownAccounts(t.db, ADMIN);
    expect(list.summary).toEqual({ known: 4, inOrganization: 2, outside: 2 });
    expect(list.accounts.find((a) => a.accountId === ACC.dev)).toMatchObject({
      name: "shop-dev (CMDB)",
      owner: "dev-team@example.com",
      member: { name: "shop-dev", status: "ACTIVE" },
    });

    await collect();
    // 6 accounts in the organization, 2 known outside it. The known members (dev, prod) are not flagged.
    expect(await managedPct()).toBe(75);
    expect(await openOutside()).toEqual([LEGACY, EXTERNAL_ACCOUNT]);
  });

  it("re-imports the same file without change, and updates only what changed", async () => {
    expect(await importKnownAccounts(t.db, ADMIN, CMDB)).toEqual({
      created: 0,
      updated: 0,
      unchanged: 4,
    });
    expect(
      await importKnownAccounts(t.db, ADMIN, CMDB.replace("Old data lake", "Data lake (retired)")),
    ).toEqual({ created: 0, updated: 1, unchanged: 3 });
    const audits = await t.db.auditEvent.findMany({
      where: { action: "settings.known_account.import" },
      orderBy: { id: "asc" },
    });
    expect(audits.map((a) => a.detail)).toMatchObject([
      { created: 4, file: "cmdb.csv" },
      { updated: 1, updatedIds: [LEGACY] },
    ]);
  });

  it("rejects a file with a bad row as a whole, naming the row", async () => {
    const bad = `${CMDB}\n12345678901,short id,x`;
    const err: unknown = await importKnownAccounts(t.db, ADMIN, bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ status: 422, details: { rows: [{ line: 6, accountId: null }] } });
    expect(err instanceof AppError ? JSON.stringify(err.details) : "").toContain("has 11 digits");
    expect(await t.db.knownAccount.count()).toBe(4);
  });

  it("adds, edits and removes by hand, audited; removing an outside account resolves its finding", async () => {
    await createKnownAccount(t.db, ADMIN, {
      accountId: "777766665555",
      name: "Sandbox (pre-org)",
      owner: "",
    });
    await expect(
      createKnownAccount(t.db, ADMIN, { accountId: "777766665555", name: "again", owner: "" }),
    ).rejects.toMatchObject({ status: 409 });
    await updateKnownAccount(t.db, ADMIN, "777766665555", {
      name: "Sandbox (pre-org)",
      owner: "cy@example.com",
    });
    await deleteKnownAccount(t.db, ADMIN, EXTERNAL_ACCOUNT);
    await expect(deleteKnownAccount(t.db, ADMIN, EXTERNAL_ACCOUNT)).rejects.toMatchObject({
      status: 404,
    });
    const actions = (
      await t.db.auditEvent.findMany({
        where: { action: { startsWith: "settings.known_account." } },
        orderBy: { id: "asc" },
      })
    ).map((a) => a.action);
    expect(actions.slice(-3)).toEqual([
      "settings.known_account.create",
      "settings.known_account.update",
      "settings.known_account.delete",
    ]);

    await collect();
    expect(await openOutside()).toEqual(["777766665555", LEGACY]);
    expect(await managedPct()).toBe(75);
    expect(
      (
        await t.db.finding.findFirstOrThrow({
          where: { checkId: ORG_ACCOUNT_OUTSIDE, accountId: EXTERNAL_ACCOUNT },
        })
      ).status,
    ).toBe("resolved");
  });

  it("is closed to an OU-scoped admin", async () => {
    await expect(listKnownAccounts(t.db, SCOPED_ADMIN)).rejects.toMatchObject({ status: 403 });
    await expect(importKnownAccounts(t.db, SCOPED_ADMIN, CMDB)).rejects.toMatchObject({
      status: 403,
    });
    await expect(deleteKnownAccount(t.db, SCOPED_ADMIN, LEGACY)).rejects.toMatchObject({
      status: 403,
    });
  });
});
