// A counting Cost Explorer for tests: a synthetic organization's spend, served the way Cost Explorer
// serves it: groups of each period in order, at most `pageSize` groups per page, an opaque token.
import type {
  GetCostAndUsageCommandInput,
  GetCostAndUsageCommandOutput,
} from "@aws-sdk/client-cost-explorer";
import { ceGroupPage, cePeriods } from "./ce-pages";

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

// Charge types and regions (RECORD_TYPE, REGION groupings and the RECORD_TYPE filter), kept apart
// from the service and tag groupings above.

/** Every account has Usage; every 2nd tax, every 5th a credit, every 10th a Savings Plan fee. */
export function recordTypesOf(i: number): string[] {
  return [
    "Usage",
    ...(i % 2 === 0 ? ["Tax"] : []),
    ...(i % 5 === 0 ? ["Credit"] : []),
    ...(i % 10 === 0 ? ["SavingsPlanRecurringFee"] : []),
  ];
}

/** One to three regions per account; "global" for global services such as IAM or Route 53. */
export function regionsOf(i: number): string[] {
  return ["us-east-1", ...(i % 2 === 1 ? ["eu-west-1"] : []), ...(i % 3 === 0 ? ["global"] : [])];
}

/** The services a record type's charges land on, as Cost Explorer attributes them. */
export function chargeServicesOf(i: number, recordType: string): string[] {
  if (recordType === "Tax") return ["Tax"];
  if (recordType === "SavingsPlanRecurringFee") return ["Savings Plans for AWS Compute usage"];
  if (recordType === "Usage") return servicesOf(i);
  return servicesOf(i).slice(0, 3);
}

/** The one record type a RECORD_TYPE filter of EQUALS asks for, if the query has one. */
export function recordTypeFilter(input: GetCostAndUsageCommandInput): string | undefined {
  const d = input.Filter?.Dimensions;
  return d?.Key === "RECORD_TYPE" ? d.Values?.[0] : undefined;
}

function dimensionKeysOf(i: number, key: string): string[] {
  return key === "RECORD_TYPE" ? recordTypesOf(i) : key === "REGION" ? regionsOf(i) : servicesOf(i);
}

const money = (amount: string) => ({
  UnblendedCost: { Amount: amount, Unit: "USD" },
  AmortizedCost: { Amount: amount, Unit: "USD" },
  NetUnblendedCost: { Amount: amount, Unit: "USD" },
});

export class FakeCostExplorer {
  requests = 0;
  readonly tokensReceived: (string | undefined)[] = [];
  readonly queries: GetCostAndUsageCommandInput[] = [];
  /** Group keys of one period, per grouping: every period has the same groups. */
  private readonly keyLists = new Map<string, string[][]>();

  constructor(readonly spec: FakeOrgSpec) {}

  private keys(input: GetCostAndUsageCommandInput): string[][] {
    const second = input.GroupBy?.[1];
    const only = recordTypeFilter(input);
    const id = JSON.stringify([input.GroupBy ?? [], only ?? null]);
    const cached = this.keyLists.get(id);
    if (cached) return cached;
    const out: string[][] = [];
    for (let i = 0; i < this.spec.accounts; i++) {
      if (only && !recordTypesOf(i).includes(only)) continue;
      const keys = !second
        ? [""]
        : second.Type === "TAG"
          ? tagValuesOf(i, second.Key ?? "")
          : only && second.Key === "SERVICE"
            ? chargeServicesOf(i, only)
            : dimensionKeysOf(i, second.Key ?? "");
      for (const k of keys) out.push(second ? [accountId(i), k] : [accountId(i)]);
    }
    this.keyLists.set(id, out);
    return out;
  }

  /** Credits are negative, whether grouped by charge type or filtered to it. */
  private amountOf(input: GetCostAndUsageCommandInput, keys: readonly string[]): string {
    const credit =
      recordTypeFilter(input) === "Credit" ||
      (input.GroupBy?.[1]?.Key === "RECORD_TYPE" && keys[1] === "Credit");
    return credit ? "-1.25" : "1.25";
  }

  /** Pages are cut from (period, group) positions on demand, so a 5,000-account organization costs no memory here. */
  handle(input: GetCostAndUsageCommandInput): GetCostAndUsageCommandOutput {
    this.requests += 1;
    this.tokensReceived.push(input.NextPageToken);
    if (!input.NextPageToken) this.queries.push(input);
    const ps = cePeriods(
      input.TimePeriod?.Start ?? "",
      input.TimePeriod?.End ?? "",
      input.Granularity === "DAILY",
      this.spec.today,
    );
    const keys = this.keys(input);
    return ceGroupPage(input, this.spec.pageSize, ps.length * keys.length, (i) => {
      const period = ps[Math.floor(i / keys.length)];
      if (!period) return undefined;
      return {
        ...period,
        estimated: period.start.slice(0, 7) >= this.spec.estimatedFrom.slice(0, 7),
        group: {
          Keys: keys[i % keys.length],
          Metrics: money(this.amountOf(input, keys[i % keys.length] ?? [])),
        },
      };
    });
  }
}
