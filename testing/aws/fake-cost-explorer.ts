// A counting Cost Explorer for tests: a synthetic organization's spend, served the way Cost Explorer
// serves it: groups of each period in order, at most `pageSize` groups per page, an opaque token.
import type {
  GetCostAndUsageCommandInput,
  GetCostAndUsageCommandOutput,
  Group,
  ResultByTime,
} from "@aws-sdk/client-cost-explorer";
import { addMonths } from "@/lib/domain/months";

export interface FakeOrgSpec {
  accounts: number;
  pageSize: number;
  /** "Today" of the fake: no daily data after it. */
  today: string;
  /** Months from this one on are "Estimated". */
  estimatedFrom: string;
}

export function accountId(i: number): string {
  return String(100_000_000_000 + i);
}

/** 10 to 40 services per account: 25 on average. */
export function servicesOf(i: number): string[] {
  return Array.from({ length: 10 + (i % 31) }, (_, s) => `Service ${s}`);
}

function tagValuesOf(i: number, key: string): string[] {
  return i % 3 === 0 ? [`${key}$`] : [`${key}$team-${i % 7}`, `${key}$`];
}

const money = (amount: string) => ({
  UnblendedCost: { Amount: amount, Unit: "USD" },
  AmortizedCost: { Amount: amount, Unit: "USD" },
  NetUnblendedCost: { Amount: amount, Unit: "USD" },
});

function periods(
  start: string,
  end: string,
  daily: boolean,
  today: string,
): { start: string; end: string }[] {
  const out: { start: string; end: string }[] = [];
  if (!daily) {
    for (let m = start; m < end; m = addMonths(m, 1)) out.push({ start: m, end: addMonths(m, 1) });
    return out;
  }
  for (
    let d = new Date(`${start}T00:00:00Z`);
    d.toISOString().slice(0, 10) < end && d.toISOString().slice(0, 10) <= today;
    d = new Date(d.getTime() + 86_400_000)
  ) {
    out.push({
      start: d.toISOString().slice(0, 10),
      end: new Date(d.getTime() + 86_400_000).toISOString().slice(0, 10),
    });
  }
  return out;
}

export class FakeCostExplorer {
  requests = 0;
  readonly tokensReceived: (string | undefined)[] = [];
  readonly queries: GetCostAndUsageCommandInput[] = [];
  /** Group keys of one period, per grouping: every period has the same groups. */
  private readonly keyLists = new Map<string, string[][]>();

  constructor(readonly spec: FakeOrgSpec) {}

  private keys(input: GetCostAndUsageCommandInput): string[][] {
    const second = input.GroupBy?.[1];
    const id = JSON.stringify(input.GroupBy ?? []);
    const cached = this.keyLists.get(id);
    if (cached) return cached;
    const out: string[][] = [];
    for (let i = 0; i < this.spec.accounts; i++) {
      const keys = !second
        ? [""]
        : second.Type === "TAG"
          ? tagValuesOf(i, second.Key ?? "")
          : servicesOf(i);
      for (const k of keys) out.push(second ? [accountId(i), k] : [accountId(i)]);
    }
    this.keyLists.set(id, out);
    return out;
  }

  /** Pages are cut from (period, group) positions on demand, so a 5,000-account organization costs no memory here. */
  handle(input: GetCostAndUsageCommandInput): GetCostAndUsageCommandOutput {
    this.requests += 1;
    this.tokensReceived.push(input.NextPageToken);
    if (!input.NextPageToken) this.queries.push(input);
    const ps = periods(
      input.TimePeriod?.Start ?? "",
      input.TimePeriod?.End ?? "",
      input.Granularity === "DAILY",
      this.spec.today,
    );
    const keys = this.keys(input);
    const total = ps.length * keys.length;
    const offset = input.NextPageToken
      ? Number(Buffer.from(input.NextPageToken, "base64url").toString("utf8").split(":")[1])
      : 0;
    const results: ResultByTime[] = [];
    for (let i = offset; i < Math.min(total, offset + this.spec.pageSize); i++) {
      const period = ps[Math.floor(i / keys.length)];
      if (!period) break;
      const group: Group = { Keys: keys[i % keys.length], Metrics: money("1.25") };
      const last = results.at(-1);
      if (last?.TimePeriod?.Start === period.start) last.Groups?.push(group);
      else
        results.push({
          TimePeriod: { Start: period.start, End: period.end },
          Total: {},
          Groups: [group],
          Estimated: period.start.slice(0, 7) >= this.spec.estimatedFrom.slice(0, 7),
        });
    }
    const next =
      offset + this.spec.pageSize < total
        ? Buffer.from(`page:${offset + this.spec.pageSize}`).toString("base64url")
        : undefined;
    return {
      ResultsByTime: results,
      NextPageToken: next,
      DimensionValueAttributes: [],
      $metadata: {},
    };
  }
}
