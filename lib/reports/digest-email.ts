// The digest as an HTML email: table layout and inline styles only, no scripts, charts as PNG images
// attached inline (cid:). The browser preview renders the same HTML with the images as data: URIs.
import type { TDigest, TMover } from "@/lib/domain/reports/digest";
import { formatKpiValue } from "@/lib/format/kpi-value";
import { renderBarChart } from "./chart-png";
import {
  KIND_LABEL,
  digestTitle,
  kpiChangeText,
  kpiImproved,
  money,
  moverLine,
  signedMoney,
  signedPct,
  spendLine,
} from "./digest-format";

export interface TInlineImage {
  cid: string;
  filename: string;
  content: Buffer;
}

export interface TDigestEmail {
  subject: string;
  html: string;
  text: string;
  attachments: TInlineImage[];
}

export const SPEND_CHART_CID = "spend-chart@orglens";
export const CHART_WIDTH = 560;
export const CHART_HEIGHT = 180;

export function escapeHtml(s: string): string {
  return s
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

const FONT = "font-family:Arial,Helvetica,sans-serif;color:#0f172a;";
const CELL = `${FONT}font-size:14px;padding:6px 8px;border-bottom:1px solid #e2e8f0;`;
const GOOD = "#15803d";
const BAD = "#b91c1c";

const heading = (text: string) =>
  `<tr><td style="${FONT}font-size:16px;font-weight:bold;padding:18px 0 6px">${escapeHtml(text)}</td></tr>`;

function table(headers: string[], rows: string[][]): string {
  const head = headers
    .map(
      (h) =>
        `<th align="left" style="${CELL}font-weight:bold;background:#f1f5f9">${escapeHtml(h)}</th>`,
    )
    .join("");
  const body = rows
    .map((r) => `<tr>${r.map((c) => `<td style="${CELL}">${c}</td>`).join("")}</tr>`)
    .join("");
  return `<tr><td><table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse"><tr>${head}</tr>${body}</table></td></tr>`;
}

const none = (text: string) =>
  `<tr><td style="${FONT}font-size:14px;color:#475569;padding:4px 0">${escapeHtml(text)}</td></tr>`;

function moversTable(title: string, movers: { increases: TMover[]; decreases: TMover[] }): string {
  const rows = [...movers.increases, ...movers.decreases].map((m) => [
    escapeHtml(m.label),
    money(m.current),
    money(m.previous),
    `<span style="color:${m.change > 0 ? BAD : GOOD}">${signedMoney(m.change)} (${signedPct(m.changePct)})</span>`,
  ]);
  return (
    heading(title) +
    (rows.length ? table(["Name", "This period", "Before", "Change"], rows) : none("No changes."))
  );
}

/** `imageSrc` turns a content id into the image's src: `cid:<id>` in mail, a data: URI in the preview. */
export function renderDigestEmail(
  d: TDigest,
  imageSrc: (cid: string, png: Buffer) => string = (cid) => `cid:${cid}`,
): TDigestEmail {
  const chart = renderBarChart({
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    values: d.daily.map((x) => x.amount),
  });
  const title = digestTitle(d);
  const kpiRows = d.kpis.map((k) => {
    const improved = kpiImproved(k);
    const color = improved === null ? "#475569" : improved ? GOOD : BAD;
    return [
      escapeHtml(k.label),
      escapeHtml(formatKpiValue(k.value, k.unit)),
      `<span style="color:${color}">${escapeHtml(kpiChangeText(k))}</span>`,
    ];
  });
  const parts = [
    `<tr><td style="${FONT}font-size:20px;font-weight:bold;padding:0 0 4px">${escapeHtml(title)}</td></tr>`,
    `<tr><td style="${FONT}font-size:13px;color:#475569">Scope: ${escapeHtml(d.scopeLabel)} · ${escapeHtml(d.period.start)} to ${escapeHtml(d.period.end)} (exclusive)</td></tr>`,
    heading("Spend"),
    `<tr><td style="${FONT}font-size:15px" data-figure="spend">${escapeHtml(spendLine(d))}</td></tr>`,
    `<tr><td style="padding:8px 0"><img src="${escapeHtml(imageSrc(SPEND_CHART_CID, chart))}" width="${CHART_WIDTH}" height="${CHART_HEIGHT}" alt="Daily spend, ${escapeHtml(d.period.label)}: ${escapeHtml(d.daily.map((x) => `${x.day} ${money(x.amount)}`).join(", "))}" style="display:block;border:1px solid #e2e8f0"></td></tr>`,
    moversTable("Top movers: accounts", d.accounts),
    moversTable("Top movers: services", d.services),
    heading("KPIs"),
    kpiRows.length ? table(["KPI", "Now", "Change"], kpiRows) : none("No KPI measured yet."),
    heading("Budgets at risk"),
    d.budgetsAtRisk.length
      ? table(
          ["Budget", "Scope", "Budget", "Forecast"],
          d.budgetsAtRisk.map((b) => [
            escapeHtml(b.name),
            escapeHtml(b.scopeLabel),
            money(b.monthlyAmount),
            `<span style="color:${BAD}">${money(b.forecast)}</span>`,
          ]),
        )
      : none("No budget is forecast to run over."),
    heading(`New high and critical findings (${d.findings.total})`),
    d.findings.items.length
      ? table(
          ["Severity", "Check", "Finding", "Account"],
          d.findings.items.map((f) => [
            escapeHtml(f.severity),
            escapeHtml(f.checkId),
            escapeHtml(f.title),
            escapeHtml(f.accountId ?? "–"),
          ]),
        )
      : none("None in this period."),
    heading(
      `Open cost anomalies (${d.anomalies.total}, ${money(d.anomalies.impact)} above expected)`,
    ),
    d.anomalies.items.length
      ? table(
          ["Account", "Service", "Kind", "Since", "Impact"],
          d.anomalies.items.map((a) => [
            escapeHtml(a.accountId),
            escapeHtml(a.service),
            escapeHtml(KIND_LABEL[a.kind] ?? a.kind),
            escapeHtml(a.firstDay),
            money(a.impact),
          ]),
        )
      : none("No open anomaly."),
  ];
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title></head><body style="margin:0;padding:0;background:#f8fafc"><table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f8fafc"><tr><td align="center" style="padding:16px"><table role="presentation" width="600" cellpadding="0" cellspacing="0" style="background:#ffffff;padding:16px;border:1px solid #e2e8f0">${parts.join("")}</table></td></tr></table></body></html>`;
  return {
    subject: `[OrgLens] ${title}`.slice(0, 200),
    html,
    text: digestText(d),
    attachments: [{ cid: SPEND_CHART_CID, filename: "spend.png", content: chart }],
  };
}

/** The plain-text part (and what the Slack/Teams fallbacks say). */
export function digestText(d: TDigest): string {
  const lines = [
    digestTitle(d),
    `Scope: ${d.scopeLabel}`,
    "",
    spendLine(d),
    "",
    "Top movers (accounts):",
    ...[...d.accounts.increases, ...d.accounts.decreases].map((m) => `  ${moverLine(m)}`),
    "Top movers (services):",
    ...[...d.services.increases, ...d.services.decreases].map((m) => `  ${moverLine(m)}`),
    "",
    "KPIs:",
    ...d.kpis.map((k) => `  ${k.label}: ${formatKpiValue(k.value, k.unit)} (${kpiChangeText(k)})`),
    "",
    `Budgets at risk: ${d.budgetsAtRisk.length}`,
    ...d.budgetsAtRisk.map(
      (b) => `  ${b.name}: forecast ${money(b.forecast)} of ${money(b.monthlyAmount)}`,
    ),
    `New high/critical findings: ${d.findings.total}`,
    `Open cost anomalies: ${d.anomalies.total} (${money(d.anomalies.impact)} above expected)`,
  ];
  return lines.join("\n");
}
