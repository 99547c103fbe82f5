import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { TDigest } from "@/lib/domain/reports/digest";
import { latestPeriod } from "@/lib/domain/reports/period";
import { digestSlackBody, digestTeamsBody } from "./digest-chat";
import { SPEND_CHART_CID, renderDigestEmail } from "./digest-email";

const digest: TDigest = {
  reportName: "Leadership <weekly>",
  scopeLabel: "Root/Prod",
  period: latestPeriod("weekly", 1, new Date("2026-12-02T12:00:00Z")),
  spend: { current: 1234.5, previous: 1000, change: 234.5, changePct: 23.46 },
  daily: [
    { day: "2026-11-23", amount: 100 },
    { day: "2026-11-24", amount: 300 },
  ],
  accounts: {
    increases: [
      { key: "111", label: "prod (111)", current: 900, previous: 500, change: 400, changePct: 80 },
    ],
    decreases: [
      {
        key: "222",
        label: "lab (222)",
        current: 50,
        previous: 215.5,
        change: -165.5,
        changePct: -76.8,
      },
    ],
  },
  services: { increases: [], decreases: [] },
  kpis: [
    {
      kpiId: "x",
      label: "Accounts placed in an OU",
      unit: "pct",
      better: "up",
      value: 80,
      previous: 75,
      change: 5,
    },
  ],
  budgetsAtRisk: [
    {
      name: "Prod cap",
      scopeLabel: "Root/Prod",
      monthlyAmount: 1000,
      forecast: 1500,
      monthToDate: 700,
    },
  ],
  findings: {
    total: 1,
    items: [
      {
        severity: "critical",
        checkId: "IAM_ROOT_MFA",
        title: "Root without MFA",
        accountId: "111",
      },
    ],
  },
  anomalies: {
    total: 1,
    impact: 321,
    items: [
      {
        accountId: "111",
        service: "Amazon EC2",
        kind: "spike",
        firstDay: "2026-11-24",
        impact: 321,
      },
    ],
  },
};

describe("digest email", () => {
  const email = renderDigestEmail(digest);
  it("is script-free HTML with the chart as an inline cid image and escaped text", () => {
    expect(email.html).not.toMatch(/<script/i);
    expect(email.html).toContain(`src="cid:${SPEND_CHART_CID}"`);
    expect(email.html).toContain("Leadership &lt;weekly&gt;");
    expect(email.attachments.map((a) => a.cid)).toEqual([SPEND_CHART_CID]);
    expect(email.attachments[0]?.content.subarray(1, 4).toString("latin1")).toBe("PNG");
  });
  it("carries the figures", () => {
    for (const figure of [
      "$1,234.50",
      "+$234.50",
      "+23.5%",
      "−$165.50",
      "$1,500.00",
      "$321.00",
      "+5.0 pts",
    ])
      expect(email.html).toContain(figure);
    expect(email.subject).toBe("[OrgLens] Leadership <weekly>: week of 23 Nov 2026 – 29 Nov 2026");
  });
  it("renders the preview with data: images when asked", () => {
    const preview = renderDigestEmail(
      digest,
      (_cid, png) => `data:image/png;base64,${png.toString("base64")}`,
    );
    expect(preview.html).toContain('src="data:image/png;base64,iVBORw0KGgo');
  });
});

describe("chat messages", () => {
  it("Slack: Block Kit blocks with a text fallback and each section", () => {
    const body = z
      .object({
        text: z.string(),
        blocks: z.array(z.object({ type: z.enum(["header", "context", "section", "divider"]) })),
      })
      .parse(digestSlackBody(digest));
    expect(body.text).toContain("$1,234.50");
    expect(body.blocks[0]?.type).toBe("header");
    const texts = JSON.stringify(digestSlackBody(digest));
    expect(texts).toContain("prod (111): $900.00 (+$400.00, +80.0%)");
    expect(texts).toContain("critical IAM_ROOT_MFA in 111: Root without MFA");
    expect(texts).toContain("_None._");
  });

  it("Teams: a MessageCard with one section per part", () => {
    const card = z
      .object({
        "@type": z.literal("MessageCard"),
        title: z.string(),
        sections: z.array(z.object({ activityTitle: z.string(), text: z.string() })),
      })
      .parse(digestTeamsBody(digest));
    expect(card.sections.map((s) => s.activityTitle)).toEqual([
      "Top movers: accounts",
      "Top movers: services",
      "KPIs",
      "Budgets at risk (1)",
      "New high/critical findings (1)",
      "Open cost anomalies (1, $321.00 above expected)",
    ]);
    expect(card.sections[3]?.text).toContain("Prod cap: forecast $1,500.00 of $1,000.00");
  });
});
