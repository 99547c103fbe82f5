import type { Principal } from "@/lib/domain/access";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { runCollection } from "@/lib/collect/run";
import { evaluateRun } from "@/lib/collect/evaluate";
import { dispatchRunAlerts } from "@/lib/alerts/dispatch-run-alerts";
import { ZAlertEvent } from "@/lib/alerts/alert-event";
import { IAM_LOCAL_USERS } from "@/lib/domain/checks/iam-local-users";
import { KPI, ORG_SCOPE } from "@/lib/domain/kpis";
import type { TSnapshot } from "@/lib/domain/snapshot";
import { ZExceptionRuleInput, type TYamlError } from "@/lib/api/exception-rules";
import { ZFindingsQuery } from "@/lib/api/findings";
import { AppError } from "@/lib/errors";
import { listFindings } from "@/lib/server/findings/list-findings";
import { ACC, OU, auditOf, baselineSnapshot, iamUser } from "@/testing/checks/fixtures";
import { startWebhookReceiver, type WebhookReceiver } from "@/testing/alerts/receivers";
import { useTestDatabase } from "@/testing/db";
import { createExceptionRule } from "./create-exception-rule";
import { deleteExceptionRule } from "./delete-exception-rule";
import { exportExceptionRules } from "./export-exception-rules";
import { importExceptionRules } from "./import-exception-rules";
import { listExceptionRules } from "./list-exception-rules";
import { updateExceptionRule } from "./update-exception-rule";

const ADMIN = { email: "admin@example.com", scope: { ouIds: null } };
/** Bound to the Prod OU (under Workloads): Dev (SDLC) and the Workloads OU itself are not theirs. */
const SCOPED = { email: "lead@example.com", scope: { ouIds: [OU.prod] } };
const arn = (account: string, user: string) => `arn:aws:iam::${account}:user/${user}`;
// The real clock runs in December 2026 here; the runs are dated around the rule's expiry.
const EXPIRES = "2027-01-01";
const at = (d: string) => `${d}T06:00:00.000Z`;

function snapshotAt(collectedAt: string, users: [string, string][]): TSnapshot {
  const s = baselineSnapshot();
  s.collectedAt = collectedAt;
  for (const [account, name] of users)
    auditOf(s, account).iamUsers.push(iamUser(account, name, { passwordEnabled: true }));
  return s;
}

const USERS: [string, string][] = [
  [ACC.dev, "breakglass-ops"],
  [ACC.dev, "breakglass"], // look-alike: almost the pattern
  [ACC.dev, "alice"],
  [ACC.prod, "breakglass-ops"],
  [ACC.security, "breakglass-sec"], // look-alike: outside the Workloads subtree
];
const BREAKGLASS = ZExceptionRuleInput.parse({
  name: "breakglass-users",
  checkId: IAM_LOCAL_USERS,
  ouId: OU.workloads,
  resourcePattern: "arn:aws:iam::*:user/breakglass-*",
  reason: "Break-glass users, vaulted and reviewed monthly.",
  owner: "security@example.com",
  expiresAt: EXPIRES,
});

function expectAppError(code: string) {
  return (e: unknown) => {
    expect(e).toBeInstanceOf(AppError);
    expect(e instanceof AppError ? e.code : null).toBe(code);
    return e instanceof AppError ? e : null;
  };
}

describe("exception rules through the evaluation", () => {
  const t = useTestDatabase();
  let hook: WebhookReceiver;
  let ruleId = "";

  beforeAll(async () => {
    hook = await startWebhookReceiver();
    process.env.ORGLENS_ALLOWED_PRIVATE_TARGETS = "127.0.0.1";
  });
  afterAll(async () => {
    vi.useRealTimers();
    await hook?.close();
  });

  const collect = async (snap: TSnapshot) => {
    const r = await runCollection(t.db, t.url, {
      source: "demo",
      produce: () => Promise.resolve(snap),
      evaluate: evaluateRun,
    });
    expect(r.status).toBe("succeeded");
    return r;
  };
  const exceptedResources = async () =>
    (
      await t.db.finding.findMany({
        where: { checkId: IAM_LOCAL_USERS, status: "open", exceptionRuleId: { not: null } },
        orderBy: { resource: "asc" },
      })
    ).map((f) => f.resource);
  const accessKpi = async () =>
    t.db.kpiSnapshot.findFirstOrThrow({
      where: { kpiId: KPI.OPEN_FINDINGS_ACCESS, scopeId: ORG_SCOPE },
      orderBy: { at: "desc" },
    });
  const viewer: Principal = {
    kind: "user",
    email: ADMIN.email,
    name: null,
    role: "admin",
    scope: ADMIN.scope,
  };
  const list = (status: string) =>
    listFindings(t.db, viewer, ZFindingsQuery.parse({ status, check: IAM_LOCAL_USERS }));

  it("a new rule excepts exactly the matching stored findings at once", async () => {
    await collect(snapshotAt(at("2026-12-10"), USERS));
    const before = await list("open");
    expect(before.byStatus.excepted).toBe(0);

    const created = await createExceptionRule(t.db, ADMIN, BREAKGLASS);
    ruleId = created.id;
    expect(created.excepted).toBe(2);
    expect(await exceptedResources()).toEqual(
      [arn(ACC.prod, "breakglass-ops"), arn(ACC.dev, "breakglass-ops")].sort(),
    );

    const after = await list("open");
    expect(after.byStatus.open).toBe(before.byStatus.open - 2);
    expect(after.byStatus.excepted).toBe(2);
    const excepted = await list("excepted");
    expect(excepted.items.map((i) => i.exception?.name)).toEqual([
      "breakglass-users",
      "breakglass-users",
    ]);
    expect(after.items.every((i) => i.exception === null)).toBe(true);

    const rules = await listExceptionRules(t.db, ADMIN.scope);
    expect(rules.rules).toEqual([
      expect.objectContaining({ name: "breakglass-users", covered: 2, ouPath: "Root/Workloads" }),
    ]);
    const events = await t.db.findingEvent.findMany({ where: { kind: "excepted" } });
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ actor: ADMIN.email, runId: null });
    const audit = await t.db.auditEvent.findFirstOrThrow({
      where: { action: "settings.exception_rule.create" },
    });
    expect(audit).toMatchObject({ actor: ADMIN.email, target: ruleId });
  });

  it("the next run keeps them excepted: not counted in the KPIs, not alerted", async () => {
    const ch = await t.db.alertChannel.create({
      data: {
        name: "siem",
        type: "webhook",
        config: { url: hook.url("/hook"), secret: "s3cret-signing-key" },
      },
    });
    await t.db.alertRule.create({
      data: {
        channelId: ch.id,
        name: "local users",
        checkIds: [IAM_LOCAL_USERS],
        categories: [],
        severities: [],
        ouIds: [],
      },
    });
    // Two new users: one under the rule, one look-alike.
    const r = await collect(
      snapshotAt(at("2026-12-11"), [
        ...USERS,
        [ACC.prod, "breakglass-new"],
        [ACC.prod, "breakglassnew"],
      ]),
    );
    expect(r.summary).toMatchObject({ findings: { excepted: 3 } });
    expect(await exceptedResources()).toEqual(
      [
        arn(ACC.prod, "breakglass-ops"),
        arn(ACC.prod, "breakglass-new"),
        arn(ACC.dev, "breakglass-ops"),
      ].sort(),
    );
    const kpi = await accessKpi();
    expect(z.object({ excepted: z.number() }).parse(kpi.detail).excepted).toBe(3);
    const openCounted = await t.db.finding.count({
      where: {
        category: "identity-access",
        status: "open",
        exceptionRuleId: null,
        mutedUntil: null,
      },
    });
    expect(kpi.value?.toNumber()).toBe(openCounted);

    const sent = await dispatchRunAlerts(t.db, r.runId, { baseDelayMs: 5 });
    expect(sent).toMatchObject({ matched: 1, sent: 1 });
    const alerted = hook.received.map(
      (h) => ZAlertEvent.parse(JSON.parse(h.body)).finding?.resource,
    );
    expect(alerted).toEqual([arn(ACC.prod, "breakglassnew")]);
  });

  it("a scoped admin neither sees nor changes another OU's rule, nor targets outside their OUs", async () => {
    expect((await listExceptionRules(t.db, SCOPED.scope)).rules).toEqual([]);
    expect(await exportExceptionRules(t.db, SCOPED.scope)).not.toContain("breakglass-users");
    await updateExceptionRule(t.db, SCOPED, ruleId, { ...BREAKGLASS, reason: "hijacked" }).then(
      () => expect.unreachable(),
      expectAppError("NOT_FOUND"),
    );
    await deleteExceptionRule(t.db, SCOPED, ruleId).then(
      () => expect.unreachable(),
      expectAppError("NOT_FOUND"),
    );
    const orgWide = { ...BREAKGLASS, name: "everything", ouId: null };
    await createExceptionRule(t.db, SCOPED, orgWide).then(
      () => expect.unreachable(),
      expectAppError("FORBIDDEN"),
    );
    await createExceptionRule(t.db, SCOPED, { ...orgWide, accountId: ACC.dev }).then(
      () => expect.unreachable(),
      expectAppError("FORBIDDEN"),
    );
    // Their own account: allowed, and visible to them alone.
    const own = await createExceptionRule(t.db, SCOPED, {
      ...orgWide,
      name: "prod-lookalike",
      accountId: ACC.prod,
      resourcePattern: "*breakglassnew",
    });
    expect(own.excepted).toBe(1);
    expect((await listExceptionRules(t.db, SCOPED.scope)).rules.map((r) => r.name)).toEqual([
      "prod-lookalike",
    ]);
    // An import naming another OU's account is refused as a whole.
    const yaml = [
      "version: 1",
      "rules:",
      "  - name: sneaky",
      `    check: ${IAM_LOCAL_USERS}`,
      `    account: "${ACC.dev}"`,
      "    reason: not mine",
      "    owner: me",
      "    expires: 2027-06-01",
    ].join("\n");
    const err = await importExceptionRules(t.db, SCOPED, { yaml, dryRun: false }).then(
      () => null,
      expectAppError("IMPORT_ROWS_INVALID"),
    );
    expect(err?.details).toEqual({
      errors: [expect.objectContaining({ line: 3, rule: "sneaky", field: "account" })],
    });
    expect(await t.db.exceptionRule.count()).toBe(2);
    await deleteExceptionRule(t.db, SCOPED, own.id);
    expect(await t.db.exceptionRule.count()).toBe(1);
  });

  it("YAML: export then import changes nothing; a changed file previews, then applies, all or nothing", async () => {
    const exported = await exportExceptionRules(t.db, ADMIN.scope);
    const same = await importExceptionRules(t.db, ADMIN, { yaml: exported, dryRun: false });
    expect(same).toMatchObject({ applied: true, created: 0, updated: 0, deleted: 0, unchanged: 1 });
    expect(await exportExceptionRules(t.db, ADMIN.scope)).toBe(exported);

    const edited = [
      "version: 1",
      "rules:",
      "  - name: alice",
      `    check: ${IAM_LOCAL_USERS}`,
      `    account: "${ACC.dev}"`,
      `    resource: "${arn(ACC.dev, "alice")}"`,
      "    reason: Alice's user is being migrated to SSO.",
      "    owner: platform",
      "    review: 2027-03-01",
    ].join("\n");
    const preview = await importExceptionRules(t.db, ADMIN, { yaml: edited, dryRun: true });
    expect(preview).toMatchObject({ applied: false, created: 1, deleted: 1 });
    expect(preview.changes).toEqual([
      { name: "alice", action: "create" },
      { name: "breakglass-users", action: "delete" },
    ]);
    expect(await exceptedResources()).toHaveLength(3); // the preview changed nothing

    const broken = `${edited}\n  - name: bad\n    check: NO_SUCH_CHECK\n    reason: x\n`;
    const err = await importExceptionRules(t.db, ADMIN, { yaml: broken, dryRun: false }).then(
      () => null,
      expectAppError("IMPORT_ROWS_INVALID"),
    );
    const errors = z.object({ errors: z.array(z.custom<TYamlError>()) }).parse(err?.details).errors;
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 12, rule: "bad", field: "reason" }),
        { line: 10, rule: "bad", field: "owner", message: "Name who owns this exception." },
      ]),
    );
    expect(await t.db.exceptionRule.count()).toBe(1);

    expect(await importExceptionRules(t.db, ADMIN, { yaml: edited, dryRun: false })).toMatchObject({
      applied: true,
      created: 1,
      deleted: 1,
    });
    expect(await exceptedResources()).toEqual([arn(ACC.dev, "alice")]);
    const gone = await t.db.findingEvent.count({
      where: { kind: "unexcepted", detail: { path: ["ruleName"], equals: "breakglass-users" } },
    });
    expect(gone).toBe(3);
    expect(
      await t.db.auditEvent.count({ where: { action: "settings.exception_rule.import" } }),
    ).toBe(2);

    // Back to the breakglass rule for the expiry test.
    await importExceptionRules(t.db, ADMIN, { yaml: exported, dryRun: false });
    const back = await t.db.exceptionRule.findUniqueOrThrow({
      where: { name: "breakglass-users" },
    });
    ruleId = back.id;
    expect(await exceptedResources()).toHaveLength(3);
  });

  it("lapses at expiry: the next run counts the findings again, and so does a re-apply", async () => {
    const rules = await listExceptionRules(t.db, ADMIN.scope, new Date(at("2026-12-20")));
    expect(rules.rules[0]).toMatchObject({ state: "expiring" });

    const r = await collect(snapshotAt(at("2027-01-02"), USERS));
    expect(r.summary).toMatchObject({ findings: { excepted: 0 } });
    expect(await exceptedResources()).toEqual([]);
    expect(z.object({ excepted: z.number() }).parse((await accessKpi()).detail).excepted).toBe(0);
    expect(await t.db.findingEvent.count({ where: { kind: "unexcepted", runId: r.runId } })).toBe(
      2,
    );
    const lapsed = await listExceptionRules(t.db, ADMIN.scope, new Date(at("2027-01-02")));
    expect(lapsed.rules[0]).toMatchObject({ state: "lapsed", covered: 0 });

    // Extended, then the clock passes the new expiry: the immediate re-apply lapses it too.
    await updateExceptionRule(t.db, ADMIN, ruleId, {
      ...BREAKGLASS,
      expiresAt: new Date("2027-02-01T00:00:00Z"),
    });
    expect(await exceptedResources()).toHaveLength(2);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2027-02-01T00:00:01Z"));
    const changed = await updateExceptionRule(t.db, ADMIN, ruleId, {
      ...BREAKGLASS,
      expiresAt: new Date("2027-02-01T00:00:00Z"),
      reason: "Break-glass users, vaulted; renewal pending.",
    });
    vi.useRealTimers();
    expect(changed.unexcepted).toBe(2);
    expect(await exceptedResources()).toEqual([]);
  });

  it("deleting a rule counts its findings again at once", async () => {
    await updateExceptionRule(t.db, ADMIN, ruleId, {
      ...BREAKGLASS,
      expiresAt: null,
      reviewAt: new Date("2027-06-01T00:00:00Z"),
    });
    expect(await exceptedResources()).toHaveLength(2);
    expect(await deleteExceptionRule(t.db, ADMIN, ruleId)).toEqual({ id: ruleId, unexcepted: 2 });
    expect(await exceptedResources()).toEqual([]);
    expect(
      await t.db.auditEvent.count({ where: { action: "settings.exception_rule.delete" } }),
    ).toBe(2);
  });
});
