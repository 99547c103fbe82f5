// Month-end forecast of one scope's spend from its own daily history. Cost Explorer's forecast cannot
// be grouped by account, so OrgLens forecasts locally (see docs/budgets.md for the method and why).

export interface PastMonth {
  /** Whole-month spend. */
  total: number;
  /** Spend in the same first N days as the current month has elapsed (needs daily rows). */
  samePeriod: number;
}

export interface ForecastInput {
  daysInMonth: number;
  /** Complete days with data in the current month (0 on the 1st). */
  daysElapsed: number;
  monthToDate: number;
  /** Previous months with daily rows, most recent first (at most 3 are used). */
  history: PastMonth[];
}

export type ForecastMethod = "seasonal-share" | "linear" | "history-average" | "none";

export interface Forecast {
  forecast: number;
  method: ForecastMethod;
  /** Share of a month's spend usually reached by this day (seasonal-share only). */
  share: number | null;
}

/** Below this share the history says "most spend comes later": too little signal to scale by. */
const MIN_SHARE = 0.05;

const cents = (n: number) => Math.round(n * 100) / 100;

export function forecastMonth(input: ForecastInput): Forecast {
  const { daysInMonth, daysElapsed, monthToDate } = input;
  const history = input.history.slice(0, 3).filter((h) => h.total > 0);
  if (daysElapsed <= 0) {
    if (!history.length) return { forecast: cents(monthToDate), method: "none", share: null };
    return {
      forecast: cents(
        Math.max(monthToDate, history.reduce((s, h) => s + h.total, 0) / history.length),
      ),
      method: "history-average",
      share: null,
    };
  }
  if (daysElapsed >= daysInMonth)
    return { forecast: cents(monthToDate), method: "linear", share: 1 };
  const total = history.reduce((s, h) => s + h.total, 0);
  const same = history.reduce((s, h) => s + h.samePeriod, 0);
  const share = total > 0 ? same / total : 0;
  if (history.length && share >= MIN_SHARE && share < 1) {
    return {
      forecast: cents(Math.max(monthToDate, monthToDate / share)),
      method: "seasonal-share",
      share,
    };
  }
  return {
    forecast: cents((monthToDate / daysElapsed) * daysInMonth),
    method: "linear",
    share: null,
  };
}

export type BudgetStatus = "over" | "at-risk" | "on-track";

export interface Variance {
  /** Month-to-date actual minus the budget pro-rated to the elapsed days. */
  actualVariance: number;
  /** Forecast minus the whole budget. */
  forecastVariance: number;
  /** Month-to-date actual as a share of the budget. */
  usedPct: number;
  status: BudgetStatus;
}

export function budgetVariance(
  budget: number,
  monthToDate: number,
  forecast: number,
  daysElapsed: number,
  daysInMonth: number,
): Variance {
  const prorated = budget * (Math.min(daysElapsed, daysInMonth) / daysInMonth);
  const status: BudgetStatus =
    monthToDate > budget ? "over" : forecast > budget ? "at-risk" : "on-track";
  return {
    actualVariance: cents(monthToDate - prorated),
    forecastVariance: cents(forecast - budget),
    usedPct: budget > 0 ? monthToDate / budget : 0,
    status,
  };
}

export interface BurnPoint {
  day: number;
  actual: number | null;
  forecast: number | null;
  budget: number;
}

/** Cumulative actual per day, then a straight line from the last actual day to the forecast. */
export function burnDown(
  daily: number[],
  daysInMonth: number,
  forecast: number,
  budget: number,
): BurnPoint[] {
  const out: BurnPoint[] = [];
  let cum = 0;
  const elapsed = Math.min(daily.length, daysInMonth);
  for (let d = 1; d <= daysInMonth; d++) {
    if (d <= elapsed) cum += daily[d - 1] ?? 0;
    const actual = d <= elapsed ? cents(cum) : null;
    const slope = daysInMonth > elapsed ? (forecast - cum) / (daysInMonth - elapsed) : 0;
    const fc =
      d >= elapsed && elapsed > 0
        ? cents(cum + slope * (d - elapsed))
        : elapsed === 0
          ? cents((forecast / daysInMonth) * d)
          : null;
    out.push({ day: d, actual, forecast: fc, budget });
  }
  return out;
}
