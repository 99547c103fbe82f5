// Chargeback policy per charge type on a real database: charge facts as the collector stores them
// (cost_monthly totals, cost_charge by record type), the admin setting, closed months and scope.
import { Prisma } from "@/lib/generated/prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZChargePoliciesUpdate } from "@/lib/api/chargeback";
import type { Principal } from "@/lib/domain/access";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { createTestDatabase, type TestDatabase } from "@/testing/db";
import { buildMonthChargeback } from "./build-month-chargeback";
import { parse } from "csv-parse/sync";
import { byteStream } from "@/lib/export/csv";
import { chargebackCsvPieces } from "./chargeback-csv";
import { closePeriod } from "./close-period";
import { getChargeback } from "./get-chargeback";
import { updateChargePolicies } from "./update-charge-policies";

const NOW = new Date("2026-05-10T12:00:00Z");
const MARCH = "2026-03-01";
const APRIL = "2026-04-01";
const ALPHA = "111111111111";
const BETA = "222222222222";
const PAYER = "999999999999";
const OU_A = "ou-root-aaaaaaaa";
const OU_B = "ou-root-bbbbbbbb";

const principal = (scope: string[] | null): Principal => ({
  kind: "user",
  email: scope ? "lead@example.com" : "admin@example.com",
  name: null,
  role: "admin",
  scope: { ouIds: scope },
});
const ADMIN = principal(null);
const SCOPED_ADMIN = principal([OU_B]);

/** Total per (account, service) and the typed charges inside it, as Cost Explorer reports them. */
const FACTS: {
  accountId: string;
  service: string;
  total: string;
  charges: [string, string][];
}[] = [
  // Usage 1000, a credit of 100: the account is billed 900.
  { accountId: ALPHA, service: "EC2", total: "900.00", charges: [["Credit", "-100.00"]] },
  { accountId: ALPHA, service: "Tax", total: "72.00", charges: [["Tax", "72.00"]] },
  // Usage 500, a refund of 20.
  { accountId: BETA, service: "EC2", total: "480.00", charges: [["Refund", "-20.00"]] },
  // Look-alike: a negative usage line with no credit record is usage, not a credit.
  { accountId: BETA, service: "S3", total: "-3.00", charges: [] },
  { accountId: BETA, service: "Tax", total: "38.00", charges: [["Tax", "38.00"]] },
  {
    accountId: PAYER,
    service: "AWS Support (Business)",
    total: "149.70",
    charges: [["Support", "149.70"]],
  },
];

async function seed(db: Db) {
  const at = new Date("2025-01-01T00:00:00Z");
  const ous = [
    { id: "r-root", parentId: null, name: "Root", path: "Root", pathIds: ["r-root"], depth: 0 },
    {
      id: OU_A,
      parentId: "r-root",
      name: "A",
      path: "Root/A",
      pathIds: ["r-root", OU_A],
      depth: 1,
    },
    {
      id: OU_B,
      parentId: "r-root",
      name: "B",
      path: "Root/B",
      pathIds: ["r-root", OU_B],
      depth: 1,
    },
  ];
  for (const ou of ous)
    await db.orgUnit.create({ data: { ...ou, firstSeenAt: at, lastSeenAt: at } });
  const account = (id: string, name: string, ouId: string, costCenter: string) => ({
    id,
    name,
    email: `${id}@example.com`,
    status: "ACTIVE",
    joinedMethod: "CREATED",
    joinedAt: at,
    ouId,
    costCenter,
    firstSeenAt: at,
    lastSeenAt: at,
  });
  await db.account.createMany({
    data: [
      account(ALPHA, "alpha", OU_A, "cc-alpha"),
      account(BETA, "beta", OU_B, "cc-beta"),
      account(PAYER, "payer", OU_A, "cc-finance"),
    ],
  });
  for (const month of [MARCH, APRIL]) {
    const m = new Date(`${month}T00:00:00Z`);
    const amounts = (a: string) => ({ unblended: a, amortized: a, net: a });
    await db.costMonthly.createMany({
      data: FACTS.map((f) => ({
        accountId: f.accountId,
        month: m,
        service: f.service,
        ...amounts(f.total),
        source: "aws",
      })),
    });
    await db.costCharge.createMany({
      data: FACTS.flatMap((f) =>
        f.charges.map(([recordType, amount]) => ({
          accountId: f.accountId,
          month: m,
          service: f.service,
          recordType,
          ...amounts(amount),
        })),
      ),
    });
  }
}

const statusOf = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: unknown) => (e instanceof AppError ? e.status : String(e)),
  );

describe("chargeback policy per charge type", () => {
  let tdb: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    tdb = await createTestDatabase();
    db = createPrismaClient(tdb.url);
    await seed(db);
  }, 120_000);
  afterAll(async () => {
    await db?.$disconnect();
    await tdb?.drop();
  });

  it("by default keeps credits on their account, tax apart and splits support by usage, to the cent", async () => {
    const view = await getChargeback(db, ADMIN, MARCH, NOW);
    expect(view.settings.chargePolicies).toEqual({
      credits: "follow-usage",
      commitments: "follow-usage",
      tax: "own-line",
      support: "split-by-usage",
    });
    // Usage 1000 + 500 - 3 (the negative usage line stays usage), credits -120, tax 110, support 149.70.
    expect(view.charges.totals).toEqual({
      usage: "1497.00",
      credits: "-120.00",
      commitments: "0.00",
      tax: "110.00",
      support: "149.70",
    });
    expect(view.charges.pools).toEqual([{ group: "support", amount: "149.70" }]);
    expect(view.check).toMatchObject({ orgTotal: "1636.70", reconciles: true });
    const account = (id: string) =>
      view.costCenters.flatMap((c) => c.accounts).find((a) => a.accountId === id);
    // Support follows usage: 149.70 in proportion to usage, 1000 : 497; the payer keeps none.
    expect(account(ALPHA)?.components).toEqual({
      usage: "1000.00",
      credits: "-100.00",
      commitments: "0.00",
      tax: "72.00",
      support: "100.00",
    });
    expect(account(BETA)?.components).toMatchObject({
      usage: "497.00",
      credits: "-20.00",
      support: "49.70",
    });
    expect(account(PAYER)).toBeUndefined();
  });

  it("adds the charge-type columns at the end of the chargeback CSV", async () => {
    // The download as served: the lines stored and written by Postgres, then read by a CSV parser.
    const chunks: Buffer[] = [];
    for await (const chunk of byteStream(chargebackCsvPieces(db, tdb.url, MARCH, null)))
      chunks.push(Buffer.from(chunk));
    const rows: string[][] = parse(Buffer.concat(chunks).toString("utf8"));
    expect(rows[0]?.slice(0, 9)).toEqual([
      "month",
      "cost_center",
      "account_id",
      "account_name",
      "ou_path",
      "direct_cost",
      "shared_allocated",
      "total",
      "adjusts_month",
    ]);
    expect(rows[0]?.slice(9)).toEqual([
      "usage",
      "credits_refunds",
      "commitment_fees",
      "tax",
      "support",
    ]);
    const beta = rows.find((r) => r[2] === BETA);
    expect(beta?.slice(5, 8)).toEqual(["564.70", "0.00", "564.70"]);
    expect(beta?.slice(9)).toEqual(["497.00", "-20.00", "0.00", "38.00", "49.70"]);
  });

  it("refuses a policy change from an OU-scoped admin, and shows them only their OU's lines", async () => {
    expect(
      await statusOf(
        updateChargePolicies(db, SCOPED_ADMIN, {
          credits: "split-by-usage",
          commitments: "follow-usage",
          tax: "own-line",
          support: "split-by-usage",
        }),
      ),
    ).toBe(403);
    expect(await db.setting.count({ where: { key: "chargebackChargePolicies" } })).toBe(0);
    const view = await getChargeback(db, SCOPED_ADMIN, MARCH, NOW);
    const accounts = view.costCenters.flatMap((c) => c.accounts.map((a) => a.accountId));
    expect(accounts).toEqual([BETA]);
    // Only their lines' figures; the organization's support pool is not shown.
    expect(view.charges.totals).toMatchObject({ usage: "497.00", credits: "-20.00", tax: "38.00" });
    expect(view.charges.pools).toEqual([]);
    expect(view.check.orgTotal).toBeNull();
  });

  it("validates the policies with a field error per charge type", () => {
    const r = ZChargePoliciesUpdate.safeParse({ credits: "net-away", tax: "own-line" });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join(".")).sort()).toEqual([
      "commitments",
      "credits",
      "support",
    ]);
  });

  it("applies a change to open months only: a closed month keeps its lines and owes no adjustment", async () => {
    await closePeriod(db, ADMIN, MARCH, NOW);
    await updateChargePolicies(db, ADMIN, {
      credits: "follow-usage",
      commitments: "follow-usage",
      tax: "own-line",
      support: "follow-usage",
    });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "chargeback.charge-policies.update" },
    });
    expect(audit.actor).toBe(ADMIN.email);
    expect(audit.detail).toMatchObject({
      chargebackChargePolicies: { support: "follow-usage" },
      previous: { chargebackChargePolicies: { support: "split-by-usage" } },
    });

    const march = await buildMonthChargeback(db, MARCH);
    expect(march.closed).not.toBeNull();
    expect(march.pending).toBeNull();
    const frozenAlpha = march.rows.find((r) => r.accountId === ALPHA);
    expect(frozenAlpha?.components?.support).toBe(10000n);

    // April is open: support now stays with the payer account that was billed for it.
    const april = await getChargeback(db, ADMIN, APRIL, NOW);
    const payer = april.costCenters.flatMap((c) => c.accounts).find((a) => a.accountId === PAYER);
    expect(payer?.components).toMatchObject({ support: "149.70", usage: "0.00" });
    expect(april.charges.pools).toEqual([]);
    expect(april.check.reconciles).toBe(true);
  });
  it("does not re-charge a month closed before charge policies existed (issued with every charge as usage)", async () => {
    // April as an earlier release closed it: no charge types collected yet, no policies recorded.
    const april = new Date(`${APRIL}T00:00:00Z`);
    const charges = await db.costCharge.findMany({ where: { month: april } });
    await db.costCharge.deleteMany({ where: { month: april } });
    await closePeriod(db, ADMIN, APRIL, NOW);
    await db.closedPeriod.update({
      where: { month: april },
      data: { chargePolicies: Prisma.DbNull },
    });
    await db.chargebackLine.updateMany({
      where: { month: april },
      data: {
        usageCents: null,
        creditsCents: null,
        commitmentsCents: null,
        taxCents: null,
        supportCents: null,
      },
    });
    // Then the upgrade collects April's charge types, and the policies move support elsewhere.
    await db.costCharge.createMany({ data: charges });
    await updateChargePolicies(db, ADMIN, {
      credits: "follow-usage",
      commitments: "follow-usage",
      tax: "own-line",
      support: "split-by-usage",
    });
    const issued = await buildMonthChargeback(db, APRIL);
    expect(issued.closed).not.toBeNull();
    expect(issued.pending).toBeNull();
  });
});
