// Cost Explorer requests (billed at $0.01 each) for the benchmark organization: a full backfill and
// the daily incremental refresh, against the counting fakes that page like Cost Explorer (cost and
// usage with charge types and regions, the 90-day daily window; Savings Plans and RI operations),
// plus the monthly late-correction refetch of final months, reported apart. No database, no server:
// `npm run bench -- --ce-only` runs it alone.
import {
  CostExplorerClient,
  type GetCostAndUsageCommandInput,
} from "@aws-sdk/client-cost-explorer";
import { readCommitments } from "../../lib/collect/sources/aws/commitments";
import {
  planCommitmentFetch,
  planCostFetch,
  type CostState,
} from "../../lib/collect/sources/aws/cost-plan";
import { readCosts, streamCosts } from "../../lib/collect/sources/aws/costs";
import type { CostSink, StagedCostRow, TStagedKind } from "../../lib/collect/store/cost-staging";
import { dailyWindow } from "../../lib/collect/sources/aws/daily-plan";
import { addMonths, monthRange } from "../../lib/domain/months";
import { DEFAULT_SETTINGS } from "../../lib/domain/settings";
import { RequestMeter } from "../../lib/collect/sources/aws/meter";
import { accountId, FakeCostExplorer } from "../../testing/aws/fake-cost-explorer";
import { FakeCommitmentExplorer } from "../../testing/aws/fake-commitments";

interface Count {
  requests: number;
  costUsd: string;
}

export interface CeFigures {
  accounts: number;
  /** heapUsed grown while the backfill's cost rows are held (what the collector keeps until storing). */
  backfill: Count & {
    monthlyRows: number;
    /** Heap that holding the backfill's rows in memory takes; absent above HOLD_ROWS_UP_TO accounts. */
    heapMb?: number;
    commitments: Count;
  };
  /** A daily run: months still estimated, the current month, their days; no final month. */
  incremental: Count & { commitments: Count };
  /** What the first run of a calendar month adds to it: the last N final months asked for again. */
  lateCorrection?: Count & { months: number };
}

const NOW = new Date("2025-06-15T08:00:00Z");
const HISTORY_MONTHS = 14;
const TAG_KEYS = ["owner", "project", "cost-center"];
const PAGE_SIZE = 1_000;

/** Live heap: after a full collection when the process runs with --expose-gc (npm run bench does). */
function heapAfterGc(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  return process.memoryUsage().heapUsed;
}

/** Every account covered by Savings Plans and RIs each month (the most pages), 20 commitments. */
function commitmentFake(accounts: number): FakeCommitmentExplorer {
  const fake = new FakeCommitmentExplorer(PAGE_SIZE);
  const months = monthRange(addMonths("2025-06-01", -HISTORY_MONTHS), "2025-06-01");
  const ids = Array.from({ length: accounts }, (_, i) => accountId(i));
  fake.ledger = {
    spCoverage: months.flatMap((month) =>
      ids.map((id) => ({ accountId: id, month, covered: "70", onDemand: "30" })),
    ),
    riCoverage: months.flatMap((month) =>
      ids.map((id) => ({
        accountId: id,
        month,
        reservedHours: "500",
        totalHours: "720",
        onDemandCost: "12.5",
      })),
    ),
    plans: Array.from({ length: 20 }, (_, p) => ({
      arn: `arn:aws:savingsplans::${accountId(p)}:savingsplan/sp-${p}`,
      accountId: accountId(p),
      type: "Compute",
      region: "Any",
      start: "2024-01-01T00:00:00.000Z",
      end: "2027-01-01T00:00:00.000Z",
      months: Object.fromEntries(months.map((m) => [m, { commitment: "100", used: "90" }])),
    })),
    reservations: [],
  };
  return fake;
}

interface Run {
  cost: Count;
  commitments: Count;
  monthlyRows: number;
  heapMb?: number;
}

async function run(
  accounts: number,
  state: CostState,
  lateCorrectionMonths: number,
  holdRows: boolean,
): Promise<Run> {
  const fake = new FakeCostExplorer({
    accounts,
    pageSize: PAGE_SIZE,
    today: "2025-06-15",
    estimatedFrom: "2025-05-01",
  });
  const commitments = commitmentFake(accounts);
  const other = (op: string, input: unknown): unknown => {
    const answer = commitments.handle(op, input);
    if (!answer || answer.status !== 200) throw new Error(`${op}: ${JSON.stringify(answer)}`);
    return answer.body;
  };
  const client = new CostExplorerClient({
    region: "us-east-1",
    credentials: { accessKeyId: "a", secretAccessKey: "b" },
  });
  // The fakes answer in the client's first middleware step, before any HTTP. A request mock
  // (aws-sdk-client-mock) records every call and answer, and kept every page reachable after the
  // step: 860 MB at 1,000 accounts, slowing every later step of the bench process with GC.
  client.middlewareStack.add(
    (_next, context) => (args) => {
      const op = context.commandName?.replace(/Command$/, "") ?? "";
      const output =
        op === "GetCostAndUsage"
          ? fake.handle(args.input as GetCostAndUsageCommandInput)
          : other(op, args.input);
      return Promise.resolve({ output: output as never, response: {} });
    },
    { step: "initialize", name: "fakeCostExplorer" },
  );
  try {
    const plan = planCostFetch(
      NOW,
      HISTORY_MONTHS,
      state,
      TAG_KEYS,
      false,
      DEFAULT_SETTINGS.dailyCostHistoryDays,
      lateCorrectionMonths,
    );
    const costMeter = new RequestMeter(1_000_000, "0.01");
    const before = heapAfterGc();
    const pager = { sleep: async () => {} };
    let monthlyRows: number;
    let heapMb: number | undefined;
    if (holdRows) {
      const costs = await readCosts(client, costMeter, plan, false, () => {}, pager);
      heapMb = Math.round((heapAfterGc() - before) / 1024 / 1024);
      monthlyRows = costs.monthly.length;
    } else {
      // Held in memory, 20,000 accounts' rows need ~17 GB of heap: count them as they stream by.
      const sink = new CountingSink();
      await streamCosts(client, costMeter, plan, false, () => {}, sink, pager);
      monthlyRows = sink.monthly;
    }
    const commitmentMeter = new RequestMeter(1_000_000, "0.01");
    await readCommitments(
      client,
      commitmentMeter,
      planCommitmentFetch(NOW, HISTORY_MONTHS, state, plan),
      () => {},
      pager,
    );
    const count = (m: RequestMeter): Count => ({
      requests: m.ceRequests,
      costUsd: m.report().ceCostUsd,
    });
    return {
      cost: count(costMeter),
      commitments: count(commitmentMeter),
      monthlyRows,
      ...(heapMb === undefined ? {} : { heapMb }),
    };
  } finally {
    client.destroy();
  }
}

/** Above this size the backfill's rows are counted as they stream, not held (see CeFigures). */
export const HOLD_ROWS_UP_TO = 5000;

/** Counts the monthly rows Cost Explorer's pages carry (each page's groups are distinct keys). */
class CountingSink implements CostSink {
  monthly = 0;
  stage(kind: TStagedKind, rows: readonly StagedCostRow[]): Promise<void> {
    if (kind === "monthly") this.monthly += rows.length;
    return Promise.resolve();
  }
  discard(): Promise<void> {
    this.monthly = 0;
    return Promise.resolve();
  }
}

/** What a daily run finds stored after the backfill: every fact over the window, May still estimated. */
export function storedAfterBackfill(lastRefetchAt: string): CostState {
  const window = monthRange(addMonths("2025-06-01", -HISTORY_MONTHS), "2025-06-01");
  return {
    backfilled: true,
    commitmentsBackfilled: true,
    estimatedMonths: ["2025-05-01"],
    tagKeyMonths: Object.fromEntries(TAG_KEYS.map((k) => [k, window])),
    dimensionMonths: { RECORD_TYPE: window, REGION: window },
    dailyDays: dailyWindow(NOW, DEFAULT_SETTINGS.dailyCostHistoryDays),
    costMonths: window,
    lastRefetchAt,
  };
}

const usd = (requests: number) => (requests * 0.01).toFixed(2);

export async function benchCostExplorer(
  accounts: number,
  holdRows = accounts <= HOLD_ROWS_UP_TO,
): Promise<CeFigures> {
  const n = DEFAULT_SETTINGS.lateCorrectionMonths;
  const backfill = await run(
    accounts,
    { backfilled: false, estimatedMonths: [], tagKeyMonths: {}, lastRefetchAt: null },
    n,
    holdRows,
  );
  // Refetched already this month: a plain daily run.
  const daily = await run(accounts, storedAfterBackfill("2025-06-01T08:00:00Z"), n, false);
  // The first run of June after a refetch in May: the same run plus the last N final months.
  const due = await run(accounts, storedAfterBackfill("2025-05-01T08:00:00Z"), n, false);
  const extra =
    due.cost.requests + due.commitments.requests - daily.cost.requests - daily.commitments.requests;
  return {
    accounts,
    backfill: {
      ...backfill.cost,
      monthlyRows: backfill.monthlyRows,
      heapMb: backfill.heapMb,
      commitments: backfill.commitments,
    },
    incremental: { ...daily.cost, commitments: daily.commitments },
    lateCorrection: { requests: extra, costUsd: usd(extra), months: n },
  };
}
