import "@/testing/placeholder-server-env";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createPrismaClient } from "@/lib/db/client";
import type { Principal } from "@/lib/domain/access";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { formatMoney } from "@/lib/format/money";
import { useTestDatabase } from "@/testing/db";
import {
  startSmtpReceiver,
  startWebhookReceiver,
  type SmtpReceiver,
  type WebhookReceiver,
} from "@/testing/alerts/receivers";
import { previewReport } from "./preview-report";
import { runDueReports } from "./run-due-reports";
import { saveReportSchedule } from "./save-report-schedule";
import { sendReportNow } from "./send-report-now";

// Wednesday 2 Dec 2026, noon. A report sent on Wednesdays covers 25 Nov – 1 Dec against 18 – 24 Nov.
const NOW = new Date("2026-12-02T12:00:00Z");
const at = new Date("2025-01-01T00:00:00Z");
const PROD_A = "111111111111";
const PROD_B = "222222222222";
const LAB = "333333333333";

const ou = (id: string, pathIds: string[]) => ({
  id,
  name: id,
  path: pathIds.length > 1 ? `Root/${id}` : "Root",
  pathIds,
  depth: pathIds.length - 1,
  firstSeenAt: at,
  lastSeenAt: at,
  ...(pathIds.length > 1 ? { parentId: pathIds.at(-2) } : {}),
});
const account = (id: string, name: string, ouId: string) => ({
  id,
  name,
  email: `${id}@x.example`,
  status: "ACTIVE",
  joinedMethod: "CREATED",
  joinedAt: at,
  ouId,
  firstSeenAt: at,
  lastSeenAt: at,
});

const admin: Principal = {
  kind: "user",
  email: "admin@example.com",
  name: null,
  role: "admin",
  scope: { ouIds: null },
};
const prodAdmin: Principal = {
  ...admin,
  email: "prod-admin@example.com",
  scope: { ouIds: ["prod"] },
};

/** Per account: [service, amount per day in the previous week, amount per day in the reported week]. */
const SPEND: [string, string, number, number][] = [
  [PROD_A, "Amazon EC2", 100, 150],
  [PROD_A, "Amazon S3", 10, 10],
  [PROD_B, "Amazon RDS", 80, 40],
  [LAB, "Amazon EC2", 500, 900],
];

function days(start: string, n: number): Date[] {
  return Array.from(
    { length: n },
    (_, i) => new Date(Date.parse(`${start}T00:00:00Z`) + i * 86_400_000),
  );
}

/** Quoted-printable and base64 parts of the raw message, decoded (the HTML and the PNG). */
function mimeParts(raw: string): { headers: string; body: Buffer }[] {
  const boundaries = [...raw.matchAll(/boundary="?([^"\r\n;]+)"?/g)].map((m) => m[1] ?? "");
  let parts = [raw];
  for (const b of boundaries) parts = parts.flatMap((p) => p.split(`--${b}`));
  return parts.flatMap((p) => {
    const split = p.indexOf("\r\n\r\n");
    if (split < 0) return [];
    const headers = p.slice(0, split);
    const body = p.slice(split + 4);
    if (/Content-Transfer-Encoding: base64/i.test(headers))
      return [{ headers, body: Buffer.from(body.replace(/\s+/g, ""), "base64") }];
    if (/Content-Transfer-Encoding: quoted-printable/i.test(headers)) {
      const bytes = body
        .replace(/=\r\n/g, "")
        .replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
      return [{ headers, body: Buffer.from(bytes, "latin1") }];
    }
    return [{ headers, body: Buffer.from(body) }];
  });
}

describe("scheduled reports", () => {
  let smtp: SmtpReceiver;
  let hook: WebhookReceiver;
  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    hook = await startWebhookReceiver();
    process.env.ORGLENS_ALLOWED_PRIVATE_TARGETS = "127.0.0.1";
  });
  afterAll(async () => {
    await smtp?.close();
    await hook?.close();
  });

  const t = useTestDatabase(async (db) => {
    await db.orgUnit.createMany({
      data: [
        ou("r-root", ["r-root"]),
        ou("prod", ["r-root", "prod"]),
        ou("lab", ["r-root", "lab"]),
      ],
    });
    await db.account.createMany({
      data: [
        account(PROD_A, "payments", "prod"),
        account(PROD_B, "ledger", "prod"),
        account(LAB, "sandbox", "lab"),
      ],
    });
    await db.costDaily.createMany({
      data: SPEND.flatMap(([accountId, service, before, during]) => [
        ...days("2026-11-18", 7).map((day) => ({
          accountId,
          service,
          day,
          unblended: before,
          amortized: before,
          net: before,
        })),
        ...days("2026-11-25", 7).map((day) => ({
          accountId,
          service,
          day,
          unblended: during,
          amortized: during,
          net: during,
        })),
      ]),
    });
    const run = (id: string, day: string, value: number) =>
      db.kpiSnapshot.createMany({
        data: ["org", "prod"].map((scopeId) => ({
          runId: id,
          scopeId,
          kpiId: "ACCOUNTS_IN_OU_PCT",
          at: new Date(`${day}T06:00:00Z`),
          value: new Prisma.Decimal(value),
          numerator: new Prisma.Decimal(value),
          denominator: new Prisma.Decimal(100),
        })),
      });
    await run("00000000-0000-4000-8000-000000000001", "2026-11-24", 60);
    await run("00000000-0000-4000-8000-000000000002", "2026-11-30", 75);
    const finding = (
      accountId: string,
      ouId: string,
      severity: string,
      firstSeen: string,
      check: string,
    ) => ({
      fingerprint: `${check}:${accountId}`,
      checkId: check,
      category: "identity-access",
      severity,
      accountId,
      ouId,
      title: `${check} in ${accountId}`,
      message: "m",
      status: "open",
      firstSeenRunId: "00000000-0000-4000-8000-000000000001",
      lastSeenRunId: "00000000-0000-4000-8000-000000000001",
      firstSeenAt: new Date(`${firstSeen}T08:00:00Z`),
      lastSeenAt: new Date(`${firstSeen}T08:00:00Z`),
    });
    await db.finding.createMany({
      data: [
        finding(PROD_A, "prod", "critical", "2026-11-27", "ROOT_MFA"),
        // look-alikes: a medium one, and a critical one first seen before the period
        finding(PROD_A, "prod", "medium", "2026-11-27", "MEDIUM_ONE"),
        finding(PROD_B, "prod", "critical", "2026-11-10", "OLD_ONE"),
        finding(LAB, "lab", "high", "2026-11-28", "LAB_HIGH"),
      ],
    });
    const anomaly = (accountId: string, impact: number, status = "open") => ({
      accountId,
      service: "Amazon EC2",
      kind: "level_shift",
      firstDay: new Date("2026-11-25"),
      lastDay: new Date("2026-12-01"),
      expected: 0,
      actual: impact,
      impact,
      upperBound: 0,
      score: 5,
      status,
    });
    await db.budget.createMany({
      data: [
        { name: "Prod cap", scopeType: "ou", scopeId: "prod", monthlyAmount: 1000 },
        // look-alike: a budget the month's pace stays well inside
        { name: "Lab roomy", scopeType: "ou", scopeId: "lab", monthlyAmount: 1_000_000 },
      ],
    });
    await db.costAnomaly.createMany({
      data: [anomaly(PROD_A, 350), anomaly(LAB, 2800), anomaly(PROD_B, 99, "resolved")],
    });
  });

  const emailChannel = () =>
    t.db.alertChannel.create({
      data: {
        name: "mail",
        type: "email",
        config: {
          host: "127.0.0.1",
          port: smtp.port,
          secure: false,
          allowPlaintext: true,
          from: "orglens@example.com",
          to: ["channel-default@example.com"],
        },
      },
    });

  it("sends an org-wide digest over SMTP with the inline PNG chart and the stored figures", async () => {
    const channel = await emailChannel();
    const report = await saveReportSchedule(t.db, admin, {
      name: "Leadership weekly",
      cadence: "weekly",
      weekday: 3,
      channelId: channel.id,
      recipients: ["cfo@example.com"],
      ouIds: [],
      enabled: true,
    });
    const before = smtp.messages.length;
    expect(await sendReportNow(t.db, admin, report.id, NOW)).toMatchObject({
      status: "sent",
      period: "weekly:2026-11-25",
    });
    const [message] = smtp.messages.slice(before);
    expect(message?.to).toEqual(["cfo@example.com"]);
    const parts = mimeParts(message?.data ?? "");
    const png = parts.find((p) => /Content-Type: image\/png/i.test(p.headers));
    expect(png?.headers).toMatch(/Content-ID: <spend-chart@orglens>/i);
    expect(png?.headers).toMatch(/Content-Disposition: inline/i);
    const image = PNG.sync.read(png?.body ?? Buffer.alloc(0));
    expect([image.width, image.height]).toEqual([560, 180]);
    const html =
      parts.find((p) => /Content-Type: text\/html/i.test(p.headers))?.body.toString("utf8") ?? "";
    expect(html).toContain('src="cid:spend-chart@orglens"');

    // The figures, computed from the database independently of the digest.
    const sum = async (from: string, to: string) =>
      Number(
        z
          .array(z.object({ s: z.string() }))
          .parse(
            await t.db
              .$queryRaw`SELECT sum(unblended)::text AS s FROM cost_daily WHERE day >= ${from}::date AND day < ${to}::date`,
          )[0]?.s,
      );
    const current = await sum("2026-11-25", "2026-12-02");
    const previous = await sum("2026-11-18", "2026-11-25");
    expect(current).toBe(7 * (150 + 10 + 40 + 900));
    expect(html).toContain(
      `Spend ${formatMoney(current, { cents: true })} (+${formatMoney(current - previous, { cents: true })}`,
    );
    // Movers: the lab account rose most, ledger fell.
    expect(html).toContain("sandbox (333333333333)");
    expect(html).toContain(`−${formatMoney(7 * 40, { cents: true })}`);
    // KPI: 60 % before the period, 75 % at its end.
    expect(html).toContain("+15.0 pts");
    // New high/critical findings of the period only; open anomalies only.
    expect(html).toContain("New high and critical findings (2)");
    expect(html).toContain("ROOT_MFA");
    expect(html).not.toContain("MEDIUM_ONE");
    expect(html).not.toContain("OLD_ONE");
    expect(html).toContain("Open cost anomalies (2, $3,150.00 above expected)");
    // December so far (1 Dec: $200 in prod) is on pace for far more than $1,000; the lab budget is not.
    expect(html).toContain("Prod cap");
    expect(html).not.toContain("Lab roomy");

    const audit = await t.db.auditEvent.findFirst({
      where: { action: "reports.send", target: report.id },
    });
    expect(audit?.detail).toMatchObject({
      trigger: "manual",
      status: "sent",
      period: "weekly:2026-11-25",
    });
  });

  it("a scoped report holds nothing outside its OUs (Slack webhook)", async () => {
    const channel = await t.db.alertChannel.create({
      data: { name: "slack", type: "slack", config: { url: hook.url("/slack-prod") } },
    });
    const report = await saveReportSchedule(t.db, prodAdmin, {
      name: "Prod weekly",
      cadence: "weekly",
      weekday: 3,
      channelId: channel.id,
      recipients: [],
      ouIds: ["prod"],
      enabled: true,
    });
    expect(await sendReportNow(t.db, prodAdmin, report.id, NOW)).toMatchObject({ status: "sent" });
    const body = hook.received.find((r) => r.path === "/slack-prod")?.body ?? "";
    const slack = z
      .object({ text: z.string(), blocks: z.array(z.object({ type: z.string() })) })
      .parse(JSON.parse(body));
    expect(slack.blocks[0]?.type).toBe("header");
    expect(slack.text).toContain(`Spend ${formatMoney(7 * 200, { cents: true })}`);
    expect(body).toContain("payments (111111111111)");
    expect(body).toContain("ROOT_MFA");
    expect(body).not.toContain(LAB);
    expect(body).not.toContain("LAB_HIGH");
    expect(body).not.toContain("sandbox");

    const preview = await previewReport(t.db, prodAdmin, report.id, NOW);
    expect(preview.html).toContain('src="data:image/png;base64,');
    expect(preview.html).not.toContain(LAB);
  });

  it("refuses a scoped admin a report beyond their OUs (attack)", async () => {
    const channel = await emailChannel();
    const body = {
      name: "Peek at lab",
      cadence: "weekly" as const,
      weekday: 1,
      channelId: channel.id,
      recipients: [],
      enabled: true,
    };
    for (const ouIds of [["lab"], [], ["prod", "lab"], ["no-such-ou"]])
      await expect(saveReportSchedule(t.db, prodAdmin, { ...body, ouIds })).rejects.toMatchObject({
        code: "REPORT_SCOPE_OUTSIDE",
      });
    const orgWide = await saveReportSchedule(t.db, admin, { ...body, ouIds: [] });
    const lab = await saveReportSchedule(t.db, admin, { ...body, ouIds: ["lab"] });
    for (const id of [orgWide.id, lab.id]) {
      await expect(previewReport(t.db, prodAdmin, id, NOW)).rejects.toBeInstanceOf(AppError);
      await expect(previewReport(t.db, prodAdmin, id, NOW)).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      await expect(sendReportNow(t.db, prodAdmin, id, NOW)).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      await expect(
        saveReportSchedule(t.db, prodAdmin, { ...body, ouIds: ["prod"] }, id),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    // The out-of-scope report was not changed by the refused update.
    expect((await t.db.reportSchedule.findUniqueOrThrow({ where: { id: lab.id } })).ouIds).toEqual([
      "lab",
    ]);
  });

  it("the scheduler sends a period once, even with two schedulers at the same time (Teams)", async () => {
    await t.db.reportSchedule.updateMany({ data: { enabled: false } });
    const channel = await t.db.alertChannel.create({
      data: { name: "teams", type: "teams", config: { url: hook.url("/teams") } },
    });
    const report = await t.db.reportSchedule.create({
      data: {
        name: "Teams weekly",
        cadence: "weekly",
        weekday: 3,
        channelId: channel.id,
        ouIds: ["lab"],
        createdBy: "admin@example.com",
        createdAt: new Date("2026-11-01T00:00:00Z"),
      },
    });
    const other = createPrismaClient(t.url);
    try {
      const results = await Promise.all([
        runDueReports(t.db, { now: NOW }),
        runDueReports(other, { now: NOW }),
      ]);
      expect(
        results
          .flat()
          .map((r) => r.status)
          .toSorted(),
      ).toEqual(["duplicate", "sent"]);
    } finally {
      await other.$disconnect();
    }
    const teams = hook.received.filter((r) => r.path === "/teams");
    expect(teams).toHaveLength(1);
    const card = z
      .object({
        "@type": z.literal("MessageCard"),
        title: z.string(),
        sections: z.array(z.object({ activityTitle: z.string() })),
      })
      .parse(JSON.parse(teams[0]?.body ?? "{}"));
    expect(card.title).toBe("Teams weekly: week of 25 Nov 2026 – 1 Dec 2026");
    expect(await t.db.reportSchedule.findUniqueOrThrow({ where: { id: report.id } })).toMatchObject(
      {
        lastSentPeriod: "weekly:2026-11-25",
      },
    );
    // Later the same week: nothing more. The next Wednesday: the next period.
    expect(await runDueReports(t.db, { now: new Date("2026-12-05T09:00:00Z") })).toEqual([]);
    expect(await runDueReports(t.db, { now: new Date("2026-12-09T00:05:00Z") })).toEqual([
      { reportId: report.id, period: "weekly:2026-12-02", status: "sent" },
    ]);
    expect(
      await t.db.auditEvent.count({
        where: { action: "reports.send", target: report.id, actor: "system:report-scheduler" },
      }),
    ).toBe(2);
  });

  it("a report saved after its period's send time waits for the next period (look-alike of a due one)", async () => {
    const channel = await t.db.alertChannel.create({
      data: { name: "teams2", type: "teams", config: { url: hook.url("/teams-new") } },
    });
    const report = await t.db.reportSchedule.create({
      data: {
        name: "New report",
        cadence: "monthly",
        channelId: channel.id,
        createdBy: "admin@example.com",
        createdAt: new Date("2026-12-02T10:00:00Z"),
      },
    });
    expect(await runDueReports(t.db, { now: NOW, reportIds: [report.id] })).toEqual([]);
    expect(
      await runDueReports(t.db, { now: new Date("2027-01-01T01:00:00Z"), reportIds: [report.id] }),
    ).toEqual([{ reportId: report.id, period: "monthly:2026-12", status: "sent" }]);
  });
  it("a send that throws (a corrupt channel row) is a failed attempt: the other reports still go, and the period is retried", async () => {
    const broken = await t.db.alertChannel.create({
      data: { name: "corrupt", type: "teams", config: ["not", "an", "object"] },
    });
    const good = await t.db.alertChannel.create({
      data: { name: "teams3", type: "teams", config: { url: hook.url("/teams-after") } },
    });
    const at = new Date("2026-11-01T00:00:00Z");
    const first = await t.db.reportSchedule.create({
      data: {
        name: "Broken",
        cadence: "monthly",
        channelId: broken.id,
        createdBy: "admin@example.com",
        createdAt: at,
      },
    });
    const second = await t.db.reportSchedule.create({
      data: {
        name: "After it",
        cadence: "monthly",
        channelId: good.id,
        createdBy: "admin@example.com",
        createdAt: new Date(at.getTime() + 1),
      },
    });
    const ids = [first.id, second.id];
    expect(await runDueReports(t.db, { now: NOW, reportIds: ids })).toEqual([
      { reportId: first.id, period: "monthly:2026-11", status: "failed" },
      { reportId: second.id, period: "monthly:2026-11", status: "sent" },
    ]);
    expect(hook.received.filter((r) => r.path === "/teams-after")).toHaveLength(1);
    // The claim was given back: once the channel is repaired, the next tick sends the same period.
    await t.db.alertChannel.update({
      where: { id: broken.id },
      data: { config: { url: hook.url("/teams-repaired") } },
    });
    expect(await runDueReports(t.db, { now: NOW, reportIds: ids })).toEqual([
      { reportId: first.id, period: "monthly:2026-11", status: "sent" },
    ]);
    expect(hook.received.filter((r) => r.path === "/teams-repaired")).toHaveLength(1);
  });
});
