// Account requests for the demo organization, one or more in every state, with the timelines OrgLens
// itself records: a request is filed, an admin decides a day later, the account appears when its
// CreateAccount request completes (the account's "Joined" time), and it turns compliant at the next
// daily collection whose audit is clean. Provisioned requests name real demo accounts: the newest
// created ones, clean ones compliant and one with open high or critical findings still provisioned.
// The approved request waits for the CreateAccount call still in progress. Accounts that already have a
// request (seedDemoProvisioningRequests) keep it; does nothing once the open requests exist. No "server-only": called from the demo load (lib/collect/load-demo.ts).
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { ACCOUNTS, DOMAIN, OU_IDS } from "@/lib/collect/sources/demo/ids";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ORG_ACCOUNT_UNREQUESTED } from "@/lib/domain/checks/org-account-unrequested";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const ADMIN = "admin@demo.orglens";
const ANALYST = "analyst@demo.orglens";
const ZTags = z.record(z.string(), z.string()).catch({});

type Row = Prisma.AccountRequestCreateManyInput;

/** Requests that have not reached an account yet, relative to `now`. */
function openRequests(now: number, sdlcOuId: string): Row[] {
  const at = (msAgo: number) => new Date(now - msAgo);
  return [
    {
      name: "mobile-staging",
      purpose:
        "Staging for the mobile app's release train: load tests against production-sized data before each release.",
      environment: "staging",
      targetOuId: sdlcOuId,
      owner: `mobile-team@${DOMAIN}`,
      costCenter: "CC-1004",
      monthlyBudget: "2500.00",
      requestedBy: ANALYST,
      status: "approved",
      decidedBy: ADMIN,
      decisionNote: "Approved; created through Organizations.",
      requestedAt: at(2 * DAY_MS + 5 * HOUR_MS),
      decidedAt: at(20 * 60_000),
    },
    {
      name: "analytics-ml-sandbox",
      purpose: "Notebook experiments with SageMaker on anonymised clickstream samples.",
      environment: "sandbox",
      targetOuId: OU_IDS.sandbox,
      owner: `analytics-team@${DOMAIN}`,
      costCenter: "CC-1009",
      monthlyBudget: "400.00",
      requestedBy: ANALYST,
      status: "requested",
      requestedAt: at(26 * HOUR_MS),
    },
    {
      name: "search-prod-eu",
      purpose: "Serve search from eu-central-1 for the EU storefronts (data residency).",
      environment: "prod",
      targetOuId: OU_IDS.prod,
      owner: `search-team@${DOMAIN}`,
      costCenter: "CC-1006",
      monthlyBudget: "12000.00",
      requestedBy: `search-team@${DOMAIN}`,
      status: "requested",
      requestedAt: at(3 * HOUR_MS),
    },
    {
      name: "data-scratch",
      purpose: "Scratch space for ad-hoc Athena queries.",
      environment: "dev",
      targetOuId: sdlcOuId,
      owner: `data-team@${DOMAIN}`,
      costCenter: "CC-1003",
      monthlyBudget: null,
      requestedBy: ANALYST,
      status: "rejected",
      decidedBy: ADMIN,
      decisionNote: "Use a sandbox account: they have a budget and are cleaned up automatically.",
      requestedAt: at(9 * DAY_MS + 2 * HOUR_MS),
      decidedAt: at(8 * DAY_MS + 20 * HOUR_MS),
    },
  ];
}

export async function seedDemoAccountRequests(db: Db, now = new Date()): Promise<number> {
  // Open requests name no account yet: once they exist, the demo's requests are in place.
  if ((await db.accountRequest.count({ where: { accountId: null } })) > 0) return 0;
  const taken = (
    await db.accountRequest.findMany({
      where: { accountId: { not: null } },
      select: { accountId: true },
    })
  ).flatMap((r) => (r.accountId ? [r.accountId] : []));
  // The account the demo shows as created outside the process keeps having no request.
  const unrequested = await db.finding.findMany({
    where: { checkId: ORG_ACCOUNT_UNREQUESTED, accountId: { not: null } },
    select: { accountId: true },
  });
  taken.push(...unrequested.flatMap((f) => (f.accountId ? [f.accountId] : [])));
  const creations = await db.accountCreation.findMany({
    where: {
      state: "SUCCEEDED",
      accountId: { not: null, notIn: taken },
      completedAt: { lte: now },
    },
    orderBy: { completedAt: "desc" },
    take: 40,
    select: { accountId: true, requestedAt: true, completedAt: true },
  });
  const ids = creations.flatMap((c) => (c.accountId ? [c.accountId] : []));
  const [accounts, blocking, sdlc] = await Promise.all([
    db.account.findMany({
      where: { id: { in: ids }, removedAt: null, status: "ACTIVE" },
      select: {
        id: true,
        name: true,
        ouId: true,
        environment: true,
        costCenter: true,
        tags: true,
        email: true,
        auditStatus: true,
      },
    }),
    db.finding.groupBy({
      by: ["accountId"],
      where: { accountId: { in: ids }, status: "open", severity: { in: ["high", "critical"] } },
      _count: true,
    }),
    db.account.findUnique({ where: { id: ACCOUNTS.mobileDev }, select: { ouId: true } }),
  ]);
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const blocked = new Set(blocking.map((b) => b.accountId));
  const clean: Row[] = [];
  const pending: Row[] = [];
  for (const c of creations) {
    const a = c.accountId ? byId.get(c.accountId) : undefined;
    if (!a || !c.completedAt) continue;
    const isClean = a.auditStatus === "audited" && !blocked.has(a.id);
    if (isClean ? clean.length >= 2 : pending.length >= 1) continue;
    // Filed a few days before the CreateAccount call; decided the day before it.
    const requestedAt = new Date(
      c.requestedAt.getTime() - (3 + clean.length + pending.length) * DAY_MS,
    );
    const decidedAt = new Date(c.requestedAt.getTime() - 18 * HOUR_MS);
    const compliantAt = new Date(Math.min(c.completedAt.getTime() + DAY_MS, now.getTime()));
    const tags = ZTags.parse(a.tags);
    (isClean ? clean : pending).push({
      name: a.name,
      purpose: `${tags.project ?? a.name} workloads (${a.environment ?? "unspecified"} environment).`,
      environment: a.environment ?? "dev",
      targetOuId: a.ouId,
      owner: tags.owner ?? a.email,
      costCenter: a.costCenter ?? "unassigned",
      monthlyBudget: a.environment === "prod" ? "8000.00" : "1500.00",
      requestedBy: tags.owner ?? ANALYST,
      status: isClean ? "compliant" : "provisioned",
      decidedBy: ADMIN,
      decisionNote: "Approved.",
      accountId: a.id,
      requestedAt,
      decidedAt,
      provisionedAt: c.completedAt,
      compliantAt: isClean ? compliantAt : null,
    });
    if (clean.length >= 2 && pending.length >= 1) break;
  }
  const rows = [...clean, ...pending, ...openRequests(now.getTime(), sdlc?.ouId ?? OU_IDS.sdlc)];
  await db.accountRequest.createMany({ data: rows });
  await seedVendingSteps(db);
  return rows.length;
}

/**
 * The approved request OrgLens is vending: its CreateAccount call (the demo's IN_PROGRESS creation)
 * went out and is being waited for, the first step of its timeline.
 */
async function seedVendingSteps(db: Db): Promise<void> {
  const [request, creation] = await Promise.all([
    db.accountRequest.findFirst({
      where: { name: "mobile-staging", status: "approved" },
      select: { id: true },
    }),
    db.accountCreation.findFirst({
      where: { accountName: "mobile-staging", state: "IN_PROGRESS" },
      select: { id: true, requestedAt: true },
    }),
  ]);
  if (!request || !creation) return;
  await db.accountRequest.update({
    where: { id: request.id },
    data: { vendingStatus: "running", createAccountRequestId: creation.id },
  });
  await db.accountRequestStep.create({
    data: {
      requestId: request.id,
      step: "create_account",
      status: "ok",
      at: creation.requestedAt,
      detail: `CreateAccount request ${creation.id}`,
    },
  });
}
