// Where generated cost rows go: shared output arrays, plus per-account running totals that the
// byTag split and the budgets need. Money strings are shared between the three amounts when
// they are equal, which keeps millions of rows lean.
import type { Calendar } from "./calendar";
import type {
  CostByDimensionInput,
  CostByTagInput,
  CostChargeInput,
  CostDailyInput,
  CostMonthlyInput,
} from "./types";
import { formatUnits } from "./money";

export interface CostRows {
  monthly: CostMonthlyInput[];
  daily: CostDailyInput[];
  byTag: CostByTagInput[];
  byDimension: CostByDimensionInput[];
  charges: CostChargeInput[];
}

/** Cost Explorer's charge type and region of a monthly amount. */
export interface ChargeOf {
  recordType: string;
  region: string;
}

export class AccountLedger {
  /** Unblended, amortized and net units per month index, interleaved. */
  private readonly totals: Float64Array;
  /** Units per "month index|dimension|value": the account's charge types and regions. */
  private readonly dimensions = new Map<string, [number, number, number]>();
  /** Where the row of "month index|service" sits in rows.monthly, and its units so far. */
  private readonly monthlyRows = new Map<string, { at: number; units: [number, number, number] }>();

  constructor(
    private readonly rows: CostRows,
    private readonly cal: Calendar,
    readonly accountId: string,
  ) {
    this.totals = new Float64Array(cal.months.length * 3);
  }

  monthly(
    k: number,
    service: string,
    u: number,
    a: number,
    n: number,
    charge: ChargeOf = { recordType: "Usage", region: "us-east-1" },
  ): void {
    if (u === 0 && a === 0 && n === 0) return;
    for (const [dimension, value] of [
      ["RECORD_TYPE", charge.recordType],
      ["REGION", charge.region],
    ] as const) {
      const key = `${k}|${dimension}|${value}`;
      const sums = this.dimensions.get(key) ?? [0, 0, 0];
      this.dimensions.set(key, [sums[0] + u, sums[1] + a, sums[2] + n]);
    }
    const month = this.cal.months[k]?.label ?? "";
    if (charge.recordType !== "Usage")
      this.rows.charges.push({
        accountId: this.accountId,
        month,
        service,
        recordType: charge.recordType,
        unblended: formatUnits(u),
        amortized: formatUnits(a),
        net: formatUnits(n),
        estimated: k === this.cal.current,
      });
    this.totals[k * 3] = (this.totals[k * 3] ?? 0) + u;
    this.totals[k * 3 + 1] = (this.totals[k * 3 + 1] ?? 0) + a;
    this.totals[k * 3 + 2] = (this.totals[k * 3 + 2] ?? 0) + n;
    // Cost Explorer's account × service row nets every charge type of the service (a credit on EC2
    // lowers the EC2 row): a second amount of a service-month updates its one row.
    const rowKey = `${k}|${service}`;
    const seen = this.monthlyRows.get(rowKey);
    const units: [number, number, number] = seen
      ? [seen.units[0] + u, seen.units[1] + a, seen.units[2] + n]
      : [u, a, n];
    const unblended = formatUnits(units[0]);
    const row = {
      accountId: this.accountId,
      month,
      service,
      unblended,
      amortized: units[1] === units[0] ? unblended : formatUnits(units[1]),
      net: units[2] === units[0] ? unblended : formatUnits(units[2]),
      estimated: k === this.cal.current,
    };
    if (seen) {
      this.rows.monthly[seen.at] = row;
      seen.units = units;
    } else {
      this.monthlyRows.set(rowKey, { at: this.rows.monthly.length, units });
      this.rows.monthly.push(row);
    }
  }

  /** Daily rows do not count towards the totals: their month's monthly row carries them. */
  daily(day: string, service: string, u: number, a: number, n: number): void {
    const unblended = formatUnits(u);
    this.rows.daily.push({
      accountId: this.accountId,
      day,
      service,
      unblended,
      amortized: a === u ? unblended : formatUnits(a),
      net: n === u ? unblended : formatUnits(n),
    });
  }

  /** Writes the account's charge-type and region rows: call once, after its last monthly amount. */
  flushDimensions(): void {
    for (const [key, [u, a, n]] of this.dimensions) {
      const [k = "0", dimension = "", value = ""] = key.split("|");
      const index = Number(k);
      if (dimension !== "RECORD_TYPE" && dimension !== "REGION") continue;
      this.rows.byDimension.push({
        accountId: this.accountId,
        month: this.cal.months[index]?.label ?? "",
        dimension,
        value,
        unblended: formatUnits(u),
        amortized: formatUnits(a),
        net: formatUnits(n),
        estimated: index === this.cal.current,
      });
    }
  }

  /** [unblended, amortized, net] of month k so far. */
  total(k: number): [number, number, number] {
    return [this.totals[k * 3] ?? 0, this.totals[k * 3 + 1] ?? 0, this.totals[k * 3 + 2] ?? 0];
  }
}
