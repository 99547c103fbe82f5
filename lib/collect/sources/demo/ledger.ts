// Where generated cost rows go: shared output arrays, plus per-account running totals that the
// byTag split and the budgets need. Money strings are shared between the three amounts when
// they are equal, which keeps millions of rows lean.
import type { Calendar } from "./calendar";
import type { CostByTagInput, CostDailyInput, CostMonthlyInput } from "./types";
import { formatUnits } from "./money";

export interface CostRows {
  monthly: CostMonthlyInput[];
  daily: CostDailyInput[];
  byTag: CostByTagInput[];
}

export class AccountLedger {
  /** Unblended, amortized and net units per month index, interleaved. */
  private readonly totals: Float64Array;

  constructor(
    private readonly rows: CostRows,
    private readonly cal: Calendar,
    readonly accountId: string,
  ) {
    this.totals = new Float64Array(cal.months.length * 3);
  }

  monthly(k: number, service: string, u: number, a: number, n: number): void {
    if (u === 0 && a === 0 && n === 0) return;
    this.totals[k * 3] = (this.totals[k * 3] ?? 0) + u;
    this.totals[k * 3 + 1] = (this.totals[k * 3 + 1] ?? 0) + a;
    this.totals[k * 3 + 2] = (this.totals[k * 3 + 2] ?? 0) + n;
    const unblended = formatUnits(u);
    this.rows.monthly.push({
      accountId: this.accountId,
      month: this.cal.months[k]?.label ?? "",
      service,
      unblended,
      amortized: a === u ? unblended : formatUnits(a),
      net: n === u ? unblended : formatUnits(n),
      estimated: k === this.cal.current,
    });
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

  /** [unblended, amortized, net] of month k so far. */
  total(k: number): [number, number, number] {
    return [this.totals[k * 3] ?? 0, this.totals[k * 3 + 1] ?? 0, this.totals[k * 3 + 2] ?? 0];
  }
}
