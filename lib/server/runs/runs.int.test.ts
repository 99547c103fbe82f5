import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UNSCOPED } from "@/lib/domain/access";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/testing/db";
import { getRun } from "./get-run";
import { listRuns } from "./list-runs";

describe("listRuns and getRun", () => {
  let tdb: TestDatabase;
  let db: Db;
  let latest = "";

  beforeAll(async () => {
    tdb = await createTestDatabase();
    db = createPrismaClient(tdb.url);
    const at = new Date("2025-01-01T00:00:00Z");
    await db.orgUnit.createMany({
      data: [
        {
          id: "r-root",
          name: "Root",
          path: "Root",
          pathIds: ["r-root"],
          depth: 0,
          firstSeenAt: at,
          lastSeenAt: at,
        },
        {
          id: "ou-root-aaaaaaaa",
          parentId: "r-root",
          name: "A",
          path: "Root/A",
          pathIds: ["r-root", "ou-root-aaaaaaaa"],
          depth: 1,
          firstSeenAt: at,
          lastSeenAt: at,
        },
      ],
    });
    const account = (id: string, ouId: string) => ({
      id,
      name: `acct-${id.slice(-2)}`,
      email: `${id}@x.example`,
      status: "ACTIVE",
      joinedMethod: "CREATED",
      joinedAt: at,
      ouId,
      firstSeenAt: at,
      lastSeenAt: at,
    });
    await db.account.createMany({
      data: [account("111111111111", "ou-root-aaaaaaaa"), account("222222222222", "r-root")],
    });
    for (let i = 0; i < 5; i++) {
      const started = new Date(Date.UTC(2026, 0, 1 + i, 6));
      const run = await db.collectionRun.create({
        data: {
          source: "aws",
          status: i === 4 ? "partial" : "succeeded",
          phase: "done",
          startedAt: started,
          finishedAt: new Date(started.getTime() + 90_500),
          accountsSeen: 2,
          accountsAudited: i === 4 ? 1 : 2,
          accountsFailed: i === 4 ? 1 : 0,
          apiRequests: { "organizations:ListAccounts": 3, "ce:GetCostAndUsage": 2 },
          ceRequests: 2,
          ceCostUsd: "0.02",
          summary:
            i === 4
              ? {
                  findings: {
                    opened: { IAM_LOCAL_USERS: 2, TAG_POLICY: 1 },
                    resolved: {},
                    open: 7,
                  },
                }
              : {},
          triggeredBy: "cli",
        },
      });
      latest = run.id;
    }
    await db.runAccountError.createMany({
      data: [
        { runId: latest, accountId: "111111111111", phase: "audit", message: "AccessDenied" },
        { runId: latest, accountId: "222222222222", phase: "audit", message: "throttled" },
        { runId: latest, accountId: "999999999999", phase: "org", message: "not listed" },
      ],
    });
  });
  afterAll(async () => {
    await db.$disconnect();
    await tdb.drop();
  });

  it("lists runs newest first, a page at a time, with totals and finding counts", async () => {
    const first = await listRuns(db, UNSCOPED, { limit: 3 });
    expect(first.runs).toHaveLength(3);
    expect(first.runs[0]).toMatchObject({
      id: latest,
      status: "partial",
      durationMs: 90_500,
      apiRequestTotal: 5,
      ceCostUsd: "0.02",
      findingsOpened: 3,
      findingsResolved: 0,
    });
    expect(first.runs[1]).toMatchObject({ findingsOpened: null, findingsResolved: null });
    const second = await listRuns(db, UNSCOPED, {
      limit: 3,
      before: first.nextBefore ?? undefined,
    });
    expect(second.runs).toHaveLength(2);
    expect(second.nextBefore).toBeNull();
    expect(new Set([...first.runs, ...second.runs].map((r) => r.id)).size).toBe(5);
  });

  it("shows a run's per-account errors, only those in a scoped caller's OUs", async () => {
    const all = await getRun(db, UNSCOPED, latest);
    expect(all.accountErrors.map((e) => [e.accountId, e.accountName])).toEqual([
      ["111111111111", "acct-11"],
      ["222222222222", "acct-22"],
      ["999999999999", null],
    ]);
    const scoped = await getRun(db, { ouIds: ["ou-root-aaaaaaaa"] }, latest);
    expect(scoped.accountErrors.map((e) => e.accountId)).toEqual(["111111111111"]);
    await expect(
      getRun(db, UNSCOPED, "00000000-0000-4000-8000-000000000000"),
    ).rejects.toMatchObject({ status: 404 });
  });

  it("shows an OU-scoped caller no totals of the whole organization, in the list and the detail", async () => {
    const scope = { ouIds: ["ou-root-aaaaaaaa"] };
    const hidden = {
      orgTotalsHidden: true,
      accountsSeen: null,
      accountsAudited: null,
      apiRequests: {},
      apiRequestTotal: null,
      ceRequests: null,
      ceCostUsd: null,
      findingsOpened: null,
      findingsResolved: null,
      progressTotal: 0,
    };
    const [listed] = (await listRuns(db, scope, { limit: 1 })).runs;
    // Their own failed account counts; the two others (one never stored) are not even counted.
    expect(listed).toMatchObject({ id: latest, accountsFailed: 1, ...hidden });
    const detail = await getRun(db, scope, latest);
    expect(detail).toMatchObject({ accountsFailed: 1, ...hidden });
    expect(JSON.stringify(detail)).not.toContain("999999999999");
    // Look-alike: the same run for an unscoped caller keeps every total.
    expect((await listRuns(db, UNSCOPED, { limit: 1 })).runs[0]).toMatchObject({
      orgTotalsHidden: false,
      accountsSeen: 2,
      accountsAudited: 1,
      accountsFailed: 1,
      apiRequestTotal: 5,
      ceCostUsd: "0.02",
      findingsOpened: 3,
    });
  });

  it("shows the months a run refetched for late corrections, exactly, and hides them from an OU-scoped caller", async () => {
    await db.costRefetch.create({
      data: {
        runId: latest,
        refetchedAt: new Date("2025-03-01T00:00:00Z"),
        full: false,
        months: {
          create: [
            {
              month: new Date("2025-01-01T00:00:00Z"),
              previousTotal: "1062.4025",
              currentTotal: "1025.1524999",
              periodClosed: true,
            },
            {
              month: new Date("2025-02-01T00:00:00Z"),
              previousTotal: "80",
              currentTotal: "80",
              periodClosed: false,
            },
          ],
        },
      },
    });
    expect((await getRun(db, UNSCOPED, latest)).lateCorrections).toEqual({
      full: false,
      months: [
        {
          month: "2025-01-01",
          previousTotal: "1062.4025",
          currentTotal: "1025.1524999",
          difference: "-37.2500001",
          periodClosed: true,
        },
        {
          month: "2025-02-01",
          previousTotal: "80",
          currentTotal: "80",
          difference: "0",
          periodClosed: false,
        },
      ],
    });
    expect((await getRun(db, { ouIds: ["ou-root-aaaaaaaa"] }, latest)).lateCorrections).toBeNull();
  });
});
