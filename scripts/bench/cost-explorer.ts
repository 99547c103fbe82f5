// Cost Explorer requests (billed at $0.01 each) for the benchmark organization: a full backfill and
// the daily incremental refresh, against the counting fake that pages like Cost Explorer.
import {
  CostExplorerClient,
  GetCostAndUsageCommand,
  type GetCostAndUsageCommandInput,
} from "@aws-sdk/client-cost-explorer";
import { mockClient } from "aws-sdk-client-mock";
import { planCostFetch, type CostState } from "../../lib/collect/sources/aws/cost-plan";
import { readCosts } from "../../lib/collect/sources/aws/costs";
import { dailyWindow } from "../../lib/collect/sources/aws/daily-plan";
import { DEFAULT_SETTINGS } from "../../lib/domain/settings";
import { RequestMeter } from "../../lib/collect/sources/aws/meter";
import { FakeCostExplorer } from "../../testing/aws/fake-cost-explorer";

export interface CeFigures {
  accounts: number;
  /** heapUsed grown while the backfill's cost rows are held (what the collector keeps until storing). */
  backfill: { requests: number; costUsd: string; monthlyRows: number; heapMb: number };
  incremental: { requests: number; costUsd: string };
}

const NOW = new Date("2025-06-15T08:00:00Z");
const TAG_KEYS = ["owner", "project", "cost-center"];

/** Live heap: after a full collection when the process runs with --expose-gc (npm run bench does). */
function heapAfterGc(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  return process.memoryUsage().heapUsed;
}

async function requests(
  accounts: number,
  state: CostState,
): Promise<{ requests: number; costUsd: string; monthlyRows: number; heapMb: number }> {
  const fake = new FakeCostExplorer({
    accounts,
    pageSize: 1_000,
    today: "2025-06-15",
    estimatedFrom: "2025-05-01",
  });
  const ce = mockClient(CostExplorerClient);
  ce.on(GetCostAndUsageCommand).callsFake((input: GetCostAndUsageCommandInput) =>
    fake.handle(input),
  );
  try {
    const meter = new RequestMeter(1_000_000, "0.01");
    const client = new CostExplorerClient({
      region: "us-east-1",
      credentials: { accessKeyId: "a", secretAccessKey: "b" },
    });
    const before = heapAfterGc();
    const costs = await readCosts(
      client,
      meter,
      planCostFetch(NOW, 14, state, TAG_KEYS),
      false,
      () => {},
      { sleep: async () => {} },
    );
    client.destroy();
    const heapMb = Math.round((heapAfterGc() - before) / 1024 / 1024);
    return {
      requests: meter.ceRequests,
      costUsd: meter.report().ceCostUsd,
      monthlyRows: costs.monthly.length,
      heapMb,
    };
  } finally {
    ce.restore();
  }
}

export async function benchCostExplorer(accounts: number): Promise<CeFigures> {
  const backfill = await requests(accounts, {
    backfilled: false,
    estimatedMonths: [],
    tagKeyMonths: {},
  });
  const { requests: incRequests, costUsd } = await requests(accounts, {
    backfilled: true,
    estimatedMonths: ["2025-05-01"],
    tagKeyMonths: {},
    // Charge types and regions stored by the backfill: refreshed for the run's months only.
    dimensionMonths: { RECORD_TYPE: ["2025-04-01"], REGION: ["2025-04-01"] },
    // The backfill stored the whole daily window: only May's and June's days are open.
    dailyDays: dailyWindow(NOW, DEFAULT_SETTINGS.dailyCostHistoryDays),
  });
  return { accounts, backfill, incremental: { requests: incRequests, costUsd } };
}
