import { beforeAll, describe, expect, it } from "vitest";
import { loadDemo } from "@/lib/collect/load-demo";
import { seedDemoEvents } from "@/lib/collect/seed-demo-events";
import { ACCOUNTS } from "@/lib/collect/sources/demo/ids";
import { IAM_LOCAL_USERS } from "@/lib/domain/checks/iam-local-users";
import { useTestDatabase } from "@/testing/db";

describe("the demo's event-driven findings", () => {
  const t = useTestDatabase();
  beforeAll(async () => {
    const result = await loadDemo(t.db, t.url);
    expect(result.status).not.toBe("failed");
    await seedDemoEvents(t.db, result.runId);
  }, 180_000);

  it("opens IAM user findings from CloudTrail events after the latest run, marked as events", async () => {
    const run = await t.db.collectionRun.findFirstOrThrow({ orderBy: { startedAt: "desc" } });
    const findings = await t.db.finding.findMany({
      where: { checkId: IAM_LOCAL_USERS, evidence: { path: ["source"], equals: "event" } },
      include: { events: true },
      orderBy: { firstSeenAt: "asc" },
    });
    expect(findings.map((f) => [f.accountId, f.title, f.severity, f.status])).toEqual([
      [ACCOUNTS.paymentsDev, "IAM user contractor-jdoe", "high", "open"],
      [ACCOUNTS.dataDev, "IAM user ci-legacy", "medium", "open"],
    ]);
    for (const f of findings) {
      expect(f.firstSeenAt.getTime()).toBeGreaterThan((run.finishedAt ?? run.startedAt).getTime());
      expect(f.events[0]).toMatchObject({ kind: "opened", detail: { source: "event" } });
    }
  });

  it("ignores the failed call, shows the demo token without a usable secret, and seeds once", async () => {
    const run = await t.db.collectionRun.findFirstOrThrow({ orderBy: { startedAt: "desc" } });
    await seedDemoEvents(t.db, run.id);
    const events = await t.db.ingestedEvent.findMany({ orderBy: { eventTime: "asc" } });
    expect(events.map((e) => e.status)).toEqual(["applied", "applied", "applied", "ignored"]);
    expect(events.at(-1)?.outcome).toContain("AccessDenied");
    expect(
      await t.db.finding.count({ where: { resource: { endsWith: "user/shadow-admin" } } }),
    ).toBe(0);
    expect(await t.db.ingestToken.findMany({ select: { name: true, prefix: true } })).toEqual([
      { name: "EventBridge (demo)", prefix: "oli_demo00" },
    ]);
  });
});
