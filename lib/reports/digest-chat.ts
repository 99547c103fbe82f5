// The digest as a Slack Block Kit message and a Teams MessageCard (what the alert channels send).
// Chat webhooks cannot carry attachments, so the chart is left out and its figures are written out.
import type { TDigest, TMover } from "@/lib/domain/reports/digest";
import { formatKpiValue } from "@/lib/format/kpi-value";
import {
  KIND_LABEL,
  digestTitle,
  kpiChangeText,
  money,
  moverLine,
  spendLine,
} from "./digest-format";

const movers = (m: { increases: TMover[]; decreases: TMover[] }) =>
  [...m.increases, ...m.decreases].map(moverLine);

/** Slack allows 3,000 characters per text object. */
const cap = (s: string) => (s.length > 2900 ? `${s.slice(0, 2899)}…` : s);

function sections(d: TDigest): { title: string; lines: string[] }[] {
  return [
    { title: "Top movers: accounts", lines: movers(d.accounts) },
    { title: "Top movers: services", lines: movers(d.services) },
    {
      title: "KPIs",
      lines: d.kpis.map(
        (k) => `${k.label}: ${formatKpiValue(k.value, k.unit)} (${kpiChangeText(k)})`,
      ),
    },
    {
      title: `Budgets at risk (${d.budgetsAtRisk.length})`,
      lines: d.budgetsAtRisk.map(
        (b) => `${b.name}: forecast ${money(b.forecast)} of ${money(b.monthlyAmount)}`,
      ),
    },
    {
      title: `New high/critical findings (${d.findings.total})`,
      lines: d.findings.items.map(
        (f) => `${f.severity} ${f.checkId}${f.accountId ? ` in ${f.accountId}` : ""}: ${f.title}`,
      ),
    },
    {
      title: `Open cost anomalies (${d.anomalies.total}, ${money(d.anomalies.impact)} above expected)`,
      lines: d.anomalies.items.map(
        (a) =>
          `${a.accountId} ${a.service} (${KIND_LABEL[a.kind] ?? a.kind}) since ${a.firstDay}: ${money(a.impact)}`,
      ),
    },
  ];
}

export function digestSlackBody(d: TDigest): unknown {
  return {
    text: `${digestTitle(d)}. ${spendLine(d)}`,
    blocks: [
      { type: "header", text: { type: "plain_text", text: digestTitle(d).slice(0, 150) } },
      { type: "context", elements: [{ type: "mrkdwn", text: `Scope: ${d.scopeLabel}` }] },
      { type: "section", text: { type: "mrkdwn", text: `*${spendLine(d)}*` } },
      ...sections(d).flatMap((s) => [
        { type: "divider" },
        {
          type: "section",
          text: {
            type: "mrkdwn",
            text: cap(
              `*${s.title}*\n${s.lines.length ? s.lines.map((l) => `• ${l}`).join("\n") : "_None._"}`,
            ),
          },
        },
      ]),
    ],
  };
}

export function digestTeamsBody(d: TDigest): unknown {
  return {
    "@type": "MessageCard",
    "@context": "https://schema.org/extensions",
    summary: digestTitle(d),
    title: digestTitle(d),
    text: `${spendLine(d)}  \nScope: ${d.scopeLabel}`,
    themeColor: d.spend.change > 0 ? "C50F1F" : "0078D7",
    sections: sections(d).map((s) => ({
      activityTitle: s.title,
      text: s.lines.length ? s.lines.map((l) => `- ${l}`).join("\n") : "None.",
    })),
  };
}
