// Time to a compliant account, derived from the stored runs and findings in a real Postgres: the
// value is the same whatever run computes it, and look-alikes (an account created before OrgLens
// watched, an account compliant then non-compliant again) do not move it.
import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { ACC, OU, auditOf, baselineSnapshot, iamUser } from "@/testing/checks/fixtures";
import { KPI, ORG_SCOPE } from "@/lib/domain/kpis";
import type { TSnapshot } from "@/lib/domain/snapshot";
import { useTestDatabase } from "@/testing/db";
import { evaluateRun } from "@/lib/collect/evaluate";
import { runCollection } from "@/lib/collect/run";

const NEW = "777777777777";
const OLD = "787878787878";
const at = (day: number, hour = 6) => new Date(Date.UTC(2026, 2, 10 + day, hour)).toISOString();

/** An account created by CreateAccount at `createdAt`; `bad` gives it an IAM user with a console password (high). */
function withCreated(s: TSnapshot, id: string, createdAt: string, bad: boolean) {
  s.accounts.push({
    id,
    name: `shop-${id}`,
    email: `${id}@example.com`,
    status: "ACTIVE",
    joinedMethod: "CREATED",
    joinedAt: createdAt,
    parentId: OU.sdlc,
    tags: { owner: "o", project: "p", "cost-center": "c", environment: "test" },
  });
  const requested = new Date(Date.parse(createdAt) - 4 * 60_000).toISOString();
  s.createAccountStatuses.push({
    id: `car-${id}`,
    accountName: `shop-${id}`,
    accountId: id,
    state: "SUCCEEDED",
    requestedAt: requested,
    completedAt: createdAt,
    failureReason: null,
  });
  s.audits.push({
    ...auditOf(s, ACC.dev),
    accountId: id,
    iamUsers: bad ? [iamUser(id, "bootstrap", { passwordEnabled: true })] : [],
  });
}

describe("time to a compliant account over the stored runs", () => {
  let db: Db;
  let url: string;
  // The describe block's own database; its tests read it through these.
  useTestDatabase((client, clientUrl) => {
    db = client;
    url = clientUrl;
    return Promise.resolve();
  });

  const collect = (collectedAt: string, plant: (s: TSnapshot) => void) => {
    const s = baselineSnapshot();
    s.collectedAt = collectedAt;
    plant(s);
    return runCollection(db, url, {
      source: "demo",
      produce: () => Promise.resolve(s),
      evaluate: evaluateRun,
    });
  };
  const latest = async (kpiId: string) => {
    const row = await db.kpiSnapshot.findFirstOrThrow({
      where: { kpiId, scopeId: ORG_SCOPE },
      orderBy: { at: "desc" },
    });
    return {
      value: row.value?.toNumber() ?? null,
      denominator: row.denominator?.toNumber() ?? null,
      detail: row.detail,
    };
  };

  it("measures from creation to the first clean audited run, and keeps that value on later runs", async () => {
    // OLD was created before OrgLens first looked: its delay is unknown, never a fake duration.
    await collect(at(0), (s) => withCreated(s, OLD, at(-1), false));
    // NEW is created at day 0, 10:00 and arrives with a high finding.
    await collect(
      at(1),
      (s) => (withCreated(s, OLD, at(-1), false), withCreated(s, NEW, at(0, 10), true)),
    );
    expect(await latest(KPI.TIME_TO_COMPLIANT_MEDIAN_HOURS)).toMatchObject({
      value: null,
      detail: { pending: 1, unobserved: 1 },
    });

    // Fixed by the day-2 run: 44 hours after creation.
    await collect(
      at(2),
      (s) => (withCreated(s, OLD, at(-1), false), withCreated(s, NEW, at(0, 10), false)),
    );
    expect(await latest(KPI.TIME_TO_COMPLIANT_MEDIAN_HOURS)).toMatchObject({
      value: 44,
      denominator: 1,
      detail: { accounts: 1, pending: 0, unobserved: 1 },
    });

    // Non-compliant again, then an unchanged run: the first compliant run still counts.
    await collect(
      at(3),
      (s) => (withCreated(s, OLD, at(-1), false), withCreated(s, NEW, at(0, 10), true)),
    );
    expect(await latest(KPI.TIME_TO_COMPLIANT_MEDIAN_HOURS)).toMatchObject({ value: 44 });
    await collect(
      at(4),
      (s) => (withCreated(s, OLD, at(-1), false), withCreated(s, NEW, at(0, 10), true)),
    );
    expect(await latest(KPI.TIME_TO_COMPLIANT_MEDIAN_HOURS)).toMatchObject({ value: 44 });
    expect(await latest(KPI.TIME_TO_COMPLIANT_FROM_APPROVAL_MEDIAN_HOURS)).toMatchObject({
      value: null,
      denominator: 0,
    });
  }, 120_000);

  it("measures from the approval of the account request behind the account, separately", async () => {
    await db.accountRequest.create({
      data: {
        name: `shop-${NEW}`,
        purpose: "QA",
        environment: "test",
        targetOuId: OU.sdlc,
        owner: "o@example.com",
        costCenter: "CC-100",
        requestedBy: "a@example.com",
        status: "compliant",
        accountId: NEW,
        requestedAt: new Date(at(-1)),
        decidedAt: new Date(at(0, 2)),
        provisionedAt: new Date(at(0, 10)),
      },
    });
    // A rejected request naming the same account never counts.
    await db.accountRequest.create({
      data: {
        name: "other",
        purpose: "QA",
        environment: "test",
        targetOuId: OU.sdlc,
        owner: "o@example.com",
        costCenter: "CC-100",
        requestedBy: "a@example.com",
        status: "rejected",
        accountId: NEW,
        requestedAt: new Date(at(-2)),
        decidedAt: new Date(at(-2, 8)),
      },
    });
    await collect(
      at(5),
      (s) => (withCreated(s, OLD, at(-1), false), withCreated(s, NEW, at(0, 10), false)),
    );
    expect(await latest(KPI.TIME_TO_COMPLIANT_MEDIAN_HOURS)).toMatchObject({ value: 44 });
    // Approved day 0 at 02:00, compliant at the day-2 run (06:00): 52 hours.
    expect(await latest(KPI.TIME_TO_COMPLIANT_FROM_APPROVAL_MEDIAN_HOURS)).toMatchObject({
      value: 52,
      denominator: 1,
    });
  }, 60_000);
});
