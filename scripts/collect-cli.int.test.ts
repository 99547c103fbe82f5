// `npm run collect -- --json` as an operator runs it: the CLI process against a moto organization
// with known violations and look-alikes (Cost Explorer answered by the ledger fake), twice. The
// first run reports the violations; the second, incremental run on the unchanged organization
// reports no change at all.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { startCostExplorerProxy, type CostExplorerProxy } from "@/testing/aws/ce-proxy";
import { LedgerCostExplorer, type LedgerLine } from "@/testing/aws/ledger-cost-explorer";
import { buildOrg, type MotoOrg } from "@/testing/aws/moto-org";
import { addMonths, monthOf } from "@/lib/domain/months";
import { useTestDatabase } from "@/testing/db";
import { startMoto, type MotoServer } from "@/testing/moto";

const run = promisify(execFile);
const today = new Date().toISOString().slice(0, 10);
const thisMonth = monthOf(new Date());
const ce = new LedgerCostExplorer({ pageSize: 100, today, estimatedFrom: thisMonth });

let moto: MotoServer;
let proxy: CostExplorerProxy;
let org: MotoOrg;

const ZERO = { opened: {}, reopened: {}, resolved: {}, stale: 0, unmuted: 0 };

const ZCounts = z.record(z.string(), z.number());
const ZCliSummary = z.object({
  status: z.string(),
  costExplorer: z.object({ requests: z.number() }),
  summary: z.object({
    findings: z.object({
      opened: ZCounts,
      reopened: ZCounts,
      resolved: ZCounts,
      stale: z.number(),
      unmuted: z.number(),
    }),
  }),
});
type CliSummary = z.infer<typeof ZCliSummary>;

beforeAll(async () => {
  moto = await startMoto();
  proxy = await startCostExplorerProxy(moto.endpoint, (input) => ce.handle(input));
  org = await buildOrg(moto.endpoint);
  const tags = { owner: "team-a", project: "shop", "cost-center": "cc-1", environment: "prod" };
  const month = (m: string): LedgerLine[] => [
    // Workloads in the management account (a violation) next to its look-alike: the billing tools every management account pays for.
    {
      accountId: org.managementId,
      month: m,
      service: "Amazon Elastic Compute Cloud - Compute",
      amount: "900",
    },
    { accountId: org.managementId, month: m, service: "AWS Cost Explorer", amount: "15" },
    {
      accountId: org.accounts.prodApp,
      month: m,
      service: "Amazon Elastic Compute Cloud - Compute",
      amount: "1200",
      tags,
    },
  ];
  ce.ledger = [addMonths(thisMonth, -2), addMonths(thisMonth, -1), thisMonth].flatMap(month);
}, 120_000);

afterAll(async () => {
  await proxy?.close();
  await moto?.stop();
});

describe("npm run collect -- --json", () => {
  const store = useTestDatabase();

  const collect = async (): Promise<CliSummary> => {
    const env = {
      ...process.env,
      DATABASE_URL: store.url,
      AWS_ENDPOINT_URL: proxy.endpoint,
      AWS_ACCESS_KEY_ID: "testing",
      AWS_SECRET_ACCESS_KEY: "testing",
      AWS_REGION: "us-east-1",
      ORGLENS_AWS_REGIONS: "us-east-1",
      ORGLENS_CE_HISTORY_MONTHS: "3",
      ORGLENS_AWS_MAX_ATTEMPTS: "2",
    };
    // Exit code 3 (partial) still prints the summary: moto lacks a few member-account APIs.
    const out = await run(process.execPath, ["--import", "tsx", "scripts/collect.ts", "--json"], {
      env,
      maxBuffer: 16 * 1024 * 1024,
    }).catch((err: { code?: number; stdout?: string; stderr?: string }) => {
      if (err.code === 3 && err.stdout) return { stdout: err.stdout, stderr: err.stderr ?? "" };
      throw new Error(`collect failed (exit ${String(err.code)}): ${err.stderr ?? ""}`);
    });
    return ZCliSummary.parse(JSON.parse(out.stdout));
  };

  it("reports the organization's violations, then nothing new on an incremental run of the unchanged organization", async () => {
    const first = await collect();
    expect(["succeeded", "partial"]).toContain(first.status);
    const opened = first.summary.findings.opened;
    // The planted violations: long-term IAM user keys in a member account, a role trusted by an outside
    // account, workloads in the management account, an account outside any OU.
    for (const check of [
      "IAM_LOCAL_USERS",
      "IAM_CROSS_ACCOUNT_TRUST",
      "MGMT_ACCOUNT_WORKLOADS",
      "ORG_ACCOUNT_AT_ROOT",
    ]) {
      expect(opened[check], `${check} in ${JSON.stringify(opened)}`).toBeGreaterThan(0);
    }

    const findings = await store.db.finding.findMany({
      where: { status: "open" },
      select: { checkId: true, accountId: true },
    });
    // Look-alike: the log-archive account, which holds only the trail bucket, has no IAM finding.
    expect(
      findings.filter(
        (f) => f.accountId === org.accounts.logArchive && f.checkId === "IAM_LOCAL_USERS",
      ),
    ).toEqual([]);

    expect(ce.queries.some((q) => (q.TimePeriod?.Start ?? "") < thisMonth)).toBe(true);
    ce.queries.length = 0;
    const second = await collect();
    expect(second.status).toBe(first.status);
    // Incremental: the final months already stored are not asked for again.
    expect(ce.queries.length).toBeGreaterThan(0);
    expect(ce.queries.filter((q) => (q.TimePeriod?.Start ?? "") < thisMonth)).toEqual([]);
    expect(second.summary.findings).toMatchObject(ZERO);
  }, 300_000);
});
