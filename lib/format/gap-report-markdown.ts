// The gap report as Markdown: the same model, sections and numbers as the print page.
import type { TGapReport } from "@/lib/api/reports";
import { SEVERITIES } from "@/lib/domain/checks/types";
import { EFFORT_LABEL } from "@/lib/domain/report/playbook-areas";
import { AREA_STATUS_LABEL, PHASE_LABEL, PHASES } from "@/lib/domain/report/remediation-plan";
import { formatKpiValue } from "./kpi-value";

const TREND_LABEL = {
  improving: "improving",
  worsening: "worsening",
  steady: "steady",
  unknown: "not enough runs",
} as const;

/** Table cells and headings: names and titles as plain text (no markup, no HTML, no line breaks). */
export function mdCell(text: string): string {
  return (
    text
      .replace(/[\r\n]+/g, " ")
      // The punctuation that starts inline markup (links, images, emphasis, code, strike-through) or
      // ends a cell is escaped: an account name, owner or title is always text, never a link or image.
      .replace(/[\\`*_[\]()!|~]/g, (c) => `\\${c}`)
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
  );
}

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : "–");
const cap = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;
/**
 * Ticket links are http(s) only (validated on save). Written as the URL parser serializes them, with
 * every character that could end the link, the table cell or start HTML percent-encoded.
 */
export function link(url: string): string {
  let href: string;
  try {
    href = new URL(url).href;
  } catch {
    return "–";
  }
  if (!/^https?:/.test(href)) return "–";
  const safe = href.replace(
    /[()<>|\[\]\s"'`\\]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`,
  );
  return `[ticket](${safe})`;
}

export function gapReportMarkdown(r: TGapReport): string {
  const out: string[] = [];
  const line = (s = "") => out.push(s);
  line(`# Governance gap report: ${mdCell(r.scope.name)}`);
  line();
  line(`Generated ${r.generatedAt.slice(0, 16).replace("T", " ")} UTC by OrgLens.`);
  line();
  line(
    `Open findings: **${r.totals.openTotal}** (${SEVERITIES.map((s) => `${s} ${r.totals.open[s]}`).join(", ")}); ` +
      `overdue ${r.totals.overdue}; muted (accepted, not counted) ${r.totals.muted}.`,
  );
  line();
  line(`**Status rule.** ${r.statusRule}`);
  line();
  line("## Summary");
  line();
  line("| Area | Status | Critical | High | Medium | Low | Info | Overdue | Muted |");
  line("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const a of r.areas)
    line(
      `| ${a.label} | ${AREA_STATUS_LABEL[a.status]} | ${SEVERITIES.map((s) => a.open[s]).join(" | ")} | ${a.overdue} | ${a.muted} |`,
    );

  for (const a of r.areas) {
    line();
    line(`## ${a.label}: ${AREA_STATUS_LABEL[a.status]}`);
    line();
    if (a.kpis.length === 0) line("No KPI measures this area.");
    else {
      line("| KPI | Latest | Trend | Last runs (oldest first) |");
      line("| --- | ---: | --- | --- |");
      for (const k of a.kpis)
        line(
          `| ${mdCell(k.label)} | ${formatKpiValue(k.latest, k.unit)} | ${TREND_LABEL[k.trend]} | ${k.points.map((p) => formatKpiValue(p.value, k.unit)).join(" → ")} |`,
        );
    }
    line();
    line(
      `Open findings: ${a.openTotal} (${SEVERITIES.map((s) => `${s} ${a.open[s]}`).join(", ")}); unassigned ${a.unassigned}; overdue ${a.overdue}; muted ${a.muted}.`,
    );
    if (a.findings.length) {
      line();
      line("| Severity | Finding | Account / OU | Owner | Due | Ticket |");
      line("| --- | --- | --- | --- | --- | --- |");
      for (const f of a.findings)
        line(
          `| ${cap(f.severity)} | ${mdCell(f.title)} | ${mdCell(f.accountName ?? f.accountId ?? f.ouName ?? "Organization")} | ${mdCell(f.owner ?? "unassigned")} | ${day(f.dueAt)}${f.overdue ? " (overdue)" : ""} | ${f.ticketUrl ? link(f.ticketUrl) : "–"} |`,
        );
      if (a.openTotal > a.findings.length)
        line(
          `\n…and ${a.openTotal - a.findings.length} more (see the findings page or its CSV export).`,
        );
    }
  }

  line();
  line("## Remediation plan");
  line();
  line(`**Phasing rule.** ${r.phaseRule}`);
  line();
  line(`Effort: S = ${EFFORT_LABEL.S}; M = ${EFFORT_LABEL.M}; L = ${EFFORT_LABEL.L}.`);
  for (const phase of PHASES) {
    const items = r.plan.filter((p) => p.phase === phase);
    line();
    line(`### ${PHASE_LABEL[phase]}`);
    line();
    if (!items.length) {
      line("Nothing in this phase.");
      continue;
    }
    line("| # | Check | Area | Severity | Effort | Open | Owners | First due |");
    line("| ---: | --- | --- | --- | --- | ---: | --- | --- |");
    items.forEach((p, i) =>
      line(
        `| ${i + 1} | ${mdCell(p.checkTitle)} | ${p.area} | ${cap(p.severity)} | ${p.effort} | ${p.open} | ${mdCell([...p.owners, ...(p.unassigned ? [`${p.unassigned} unassigned`] : [])].join(", "))} | ${day(p.firstDue)} |`,
      ),
    );
  }
  line();
  return out.join("\n");
}
