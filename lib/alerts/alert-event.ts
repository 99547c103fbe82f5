// The event an alert carries (stored as the delivery payload) and its rendering per channel type.
import { z } from "zod";

export const ZAlertEvent = z.object({
  event: z.enum(["finding.opened", "finding.reopened", "anomaly.opened", "test"]),
  runId: z.string().nullable(),
  at: z.string(),
  finding: z
    .object({
      fingerprint: z.string(),
      checkId: z.string(),
      category: z.string(),
      severity: z.string(),
      accountId: z.string().nullable(),
      ouId: z.string().nullable(),
      resource: z.string(),
      title: z.string(),
      message: z.string(),
      firstSeenAt: z.string(),
      reopenedCount: z.number(),
    })
    .nullable(),
  /** A cost anomaly the run's detection opened (event "anomaly.opened"). */
  anomaly: z
    .object({
      id: z.string(),
      accountId: z.string(),
      ouId: z.string().nullable(),
      service: z.string(),
      kind: z.string(),
      firstDay: z.string(),
      lastDay: z.string(),
      expected: z.number(),
      actual: z.number(),
      impact: z.number(),
      impactPercent: z.number().nullable(),
    })
    .nullish(),
});
export type TAlertEvent = z.infer<typeof ZAlertEvent>;

function anomalyLine(a: NonNullable<TAlertEvent["anomaly"]>): string {
  const pct = a.impactPercent === null ? "new" : `+${a.impactPercent}%`;
  return `Cost anomaly (${a.kind.replace("_", " ")}) in ${a.accountId} ${a.service} from ${a.firstDay}: $${a.impact.toFixed(2)} above expected (${pct})`;
}

export function summaryLine(e: TAlertEvent): string {
  if (e.anomaly) return anomalyLine(e.anomaly);
  if (!e.finding) return "OrgLens test alert: this channel is configured correctly.";
  const f = e.finding;
  const what = e.event === "finding.reopened" ? "Reopened" : "New";
  return `${what} ${f.severity} finding ${f.checkId}${f.accountId ? ` in ${f.accountId}` : ""}: ${f.title}`;
}

/** Slack incoming webhooks accept `text` plus optional blocks. */
export function slackBody(e: TAlertEvent): unknown {
  return {
    text: summaryLine(e),
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `*${summaryLine(e)}*` } },
      ...(e.finding
        ? [{ type: "section", text: { type: "mrkdwn", text: e.finding.message } }]
        : []),
    ],
  };
}

/** Teams (Office 365 connector / workflows) accept the legacy MessageCard. */
export function teamsBody(e: TAlertEvent): unknown {
  return {
    "@type": "MessageCard",
    "@context": "https://schema.org/extensions",
    summary: summaryLine(e),
    title: summaryLine(e),
    text: e.finding?.message ?? "",
    themeColor: e.finding?.severity === "critical" ? "C50F1F" : "0078D7",
  };
}

export function emailContent(e: TAlertEvent): { subject: string; text: string } {
  const f = e.finding;
  const lines = f
    ? [
        summaryLine(e),
        "",
        f.message,
        "",
        `Check: ${f.checkId} (${f.category})`,
        `Account: ${f.accountId ?? "-"}`,
        `Resource: ${f.resource || "-"}`,
        `First seen: ${f.firstSeenAt}`,
      ]
    : [summaryLine(e)];
  return { subject: `[OrgLens] ${summaryLine(e)}`.slice(0, 200), text: lines.join("\n") };
}
