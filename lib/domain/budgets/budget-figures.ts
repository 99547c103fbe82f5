// One budget's month: actual, forecast, variance and burn-down from per-account daily spend.
import {
  budgetVariance,
  burnDown,
  forecastMonth,
  type BurnPoint,
  type Forecast,
  type Variance,
} from "./forecast";

/** Daily spend: account id → "YYYY-MM-DD" → amount. */
export type DailySpend = Map<string, Map<string, number>>;

export interface MonthWindow {
  /** "YYYY-MM-01" */
  month: string;
  daysInMonth: number;
}

export interface BudgetFigures extends Variance, Forecast {
  monthToDate: number;
  burn: BurnPoint[];
}

export function daysIn(month: string): number {
  const d = new Date(`${month}T00:00:00Z`);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
}

export function dayKey(month: string, day: number): string {
  return `${month.slice(0, 8)}${String(day).padStart(2, "0")}`;
}

function dailySeries(
  spend: DailySpend,
  accountIds: readonly string[],
  w: MonthWindow,
  upTo: number,
): number[] {
  const out: number[] = [];
  for (let d = 1; d <= upTo; d++) {
    const key = dayKey(w.month, d);
    let sum = 0;
    for (const id of accountIds) sum += spend.get(id)?.get(key) ?? 0;
    out.push(sum);
  }
  return out;
}

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

/** `history`: previous complete months with daily rows, most recent first. */
export function budgetFigures(args: {
  amount: number;
  accountIds: readonly string[];
  spend: DailySpend;
  current: MonthWindow;
  daysElapsed: number;
  history: MonthWindow[];
}): BudgetFigures {
  const { amount, accountIds, spend, current, daysElapsed } = args;
  const daily = dailySeries(spend, accountIds, current, daysElapsed);
  const monthToDate = Math.round(sum(daily) * 100) / 100;
  const history = args.history.map((w) => {
    const all = dailySeries(spend, accountIds, w, w.daysInMonth);
    return { total: sum(all), samePeriod: sum(all.slice(0, daysElapsed)) };
  });
  const f = forecastMonth({ daysInMonth: current.daysInMonth, daysElapsed, monthToDate, history });
  const v = budgetVariance(amount, monthToDate, f.forecast, daysElapsed, current.daysInMonth);
  return {
    ...f,
    ...v,
    monthToDate,
    burn: burnDown(daily, current.daysInMonth, f.forecast, amount),
  };
}
