// Time to a compliant account dated by CloudTrail events posted to the ingestion endpoint, against a
// real Postgres: a vended account (CreateAccountResult, then MoveAccount into its OU) that is clean at
// its first audit counts from its creation to the move, to the second; an account whose only event
// was refused (a MoveAccount its own account emitted) keeps the collection run's time.
import "@/testing/placeholder-server-env";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { evaluateRun } from "@/lib/collect/evaluate";
import { runCollection } from "@/lib/collect/run";
import type { Db } from "@/lib/db/client";
import type { Principal } from "@/lib/domain/access";
import { KPI, ORG_SCOPE } from "@/lib/domain/kpis";
import type { TSnapshot } from "@/lib/domain/snapshot";
import { ACC, OU, auditOf, baselineSnapshot } from "@/testing/checks/fixtures";
import { useTestDatabase } from "@/testing/db";
import { createAccountResultEvent, moveAccountEvent } from "@/testing/events";
import { createIngestToken } from "./create-ingest-token";
import { receiveEvents } from "./receive-events";

const VENDED = "777777777777";
const LOOKALIKE = "787878787878";
const at = (day: number, hour = 6) => new Date(Date.UTC(2026, 2, 10 + day, hour));
const CREATED = at(0, 10);
const plus = (seconds: number) => new Date(CREATED.getTime() + seconds * 1000);

const admin: Principal = {
  kind: "user",
  email: "root-admin@corp.example",
  name: null,
  role: "admin",
  scope: { ouIds: null },
  groups: [],
};

/** An account CreateAccount completed at CREATED, in the SDLC OU, with a clean audit. */
function withCreated(s: TSnapshot, id: string) {
  s.accounts.push({
    id,
    name: `shop-${id}`,
    email: `${id}@example.com`,
    status: "ACTIVE",
    joinedMethod: "CREATED",
    joinedAt: CREATED.toISOString(),
    parentId: OU.sdlc,
    tags: { owner: "o", project: "p", "cost-center": "c", environment: "test" },
  });
  s.createAccountStatuses.push({
    id: `car-${id}`,
    accountName: `shop-${id}`,
    accountId: id,
    state: "SUCCEEDED",
    requestedAt: new Date(CREATED.getTime() - 90_000).toISOString(),
    completedAt: CREATED.toISOString(),
    failureReason: null,
  });
  s.audits.push({ ...auditOf(s, ACC.dev), accountId: id, iamUsers: [] });
}

/** The event as CloudTrail would date it. */
function dated<E extends { time: string; detail: { eventTime: string } }>(e: E, t: Date): E {
  const iso = t.toISOString().replace(/\.\d{3}Z$/, "Z");
  return { ...e, time: iso, detail: { ...e.detail, eventTime: iso } };
}

describe("time to a compliant account from event timestamps", () => {
  let db: Db;
  let url: string;
  useTestDatabase((client, clientUrl) => {
    db = client;
    url = clientUrl;
    return Promise.resolve();
  });

  const collect = (collectedAt: Date, ...created: string[]) => {
    const s = baselineSnapshot();
    s.collectedAt = collectedAt.toISOString();
    for (const id of created) withCreated(s, id);
    return runCollection(db, url, {
      source: "demo",
      produce: () => Promise.resolve(s),
      evaluate: evaluateRun,
    });
  };
  const post = async (secret: string, events: unknown[]) => {
    const deferred: (() => Promise<unknown>)[] = [];
    const req = new NextRequest("http://orglens.test/api/v1/events", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${secret}` },
      body: JSON.stringify(events),
    });
    const res = await receiveEvents(req, { db, defer: (task) => void deferred.push(task) });
    expect(res.status).toBe(202);
    await Promise.all(deferred.map((task) => task()));
  };
  const latest = async (kpiId: string) => {
    const row = await db.kpiSnapshot.findFirstOrThrow({
      where: { kpiId, scopeId: ORG_SCOPE },
      orderBy: { at: "desc" },
    });
    return { value: row.value?.toNumber() ?? null, detail: row.detail };
  };

  it("a vended account is compliant from its last set-up event; a refused event leaves the run's time", async () => {
    await collect(at(0));
    const { secret } = await createIngestToken(db, admin, { name: "eventbridge" });
    const joined = dated(createAccountResultEvent(ACC.mgmt, VENDED, "shop-vended"), plus(7));
    const moved = dated(moveAccountEvent(ACC.mgmt, VENDED, OU.root, OU.sdlc), plus(221));
    // The look-alike: a MoveAccount the member account itself emitted is refused, never applied.
    const forged = dated(moveAccountEvent(LOOKALIKE, LOOKALIKE, OU.root, OU.sdlc), plus(30));
    await post(secret, [joined, moved, forged]);
    const statuses = await db.ingestedEvent.findMany({
      where: { id: { in: [joined.id, moved.id, forged.id] } },
      select: { id: true, status: true },
    });
    expect(Object.fromEntries(statuses.map((r) => [r.id, r.status]))).toEqual({
      [joined.id]: "applied",
      [moved.id]: "applied",
      [forged.id]: "ignored",
    });

    // The first collection after the creation audits both clean, 20 hours after they were created.
    // VENDED is compliant at its move, 221 s after CreateAccount completed; LOOKALIKE, whose only
    // event was refused, at the run.
    await collect(at(1), VENDED, LOOKALIKE);
    const median = await latest(KPI.TIME_TO_COMPLIANT_MEDIAN_HOURS);
    expect(median.detail).toMatchObject({ accounts: 2, eventTimedAccounts: 1, pending: 0 });
    expect(median.value).toBeCloseTo((221 / 3600 + 20) / 2, 5);
    // The p90 of two is the later one: the run-timed look-alike.
    expect((await latest(KPI.TIME_TO_COMPLIANT_P90_HOURS)).value).toBeCloseTo(20, 5);

    // A later run changes nothing: the value comes from the stored history and events.
    await collect(at(2), VENDED, LOOKALIKE);
    expect((await latest(KPI.TIME_TO_COMPLIANT_MEDIAN_HOURS)).value).toBe(median.value);
  }, 120_000);
});
