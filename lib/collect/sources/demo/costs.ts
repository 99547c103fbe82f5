// Cost Explorer-shaped spend: monthly rows per account × service, daily rows for the previous
// and current month, and byTag splits. Amounts are integer units (see money.ts) until output.
//
// Daily rows are the source of truth for the months they cover: the monthly row of a service
// with daily rows is the sum of those rows, so the two agree exactly. The current month is
// month-to-date (what Cost Explorer reports for an open month); its full-month projection
// feeds the budget forecast.
import { plantedFactor, plantedKind, type PlantedKind } from "./planted-anomalies";
import type { AccountSpec } from "./spec";
import type { CostsInput } from "./types";
import { buildCalendar, monthIndex, type Calendar, type CalendarDay } from "./calendar";
import { accountShape, amortizedUnits, businessSupport, netUnits, TAX_RATE } from "./cost-model";
import { AccountLedger, type CostRows } from "./ledger";
import { toUnits } from "./money";
import { Rng } from "./rng";
import { COMMITMENT_ELIGIBLE, SERVICES } from "./catalog";
import { pickServices } from "./services";
import { planTags, splitByTag, TAG_KEYS } from "./tags";
import { dayStart } from "./time";

/** Daily rows are capped near this many so 5,000-account orgs stay well under a million. */
const DAILY_ROW_BUDGET = 950_000;

export interface CurrentSpend {
  /** Month-to-date unblended, in units. */
  actual: number;
  /** Projected full-month unblended, in units. */
  forecast: number;
}

export interface CostOutput {
  costs: CostsInput;
  /** Current-month spend per account that has any. */
  current: Map<string, CurrentSpend>;
}

interface Line {
  name: string;
  base: number;
  amortFactor: number;
  startIdx: number;
  daily: boolean;
}

/** One daily-window month as seen by one account (days before it joined weigh nothing). */
type Amounts = [number, number, number];

interface MonthDays {
  days: CalendarDay[];
  weights: number[];
  /** Sum of weekday factors over the whole month, as if the account were active throughout. */
  fullWeight: number;
  /** Active weight up to today, and over the whole month. */
  toDate: number;
  all: number;
}

class CostWriter {
  readonly rows: CostRows = { monthly: [], daily: [], byTag: [] };
  readonly current = new Map<string, CurrentSpend>();
  private readonly dailyTopK: number;

  constructor(
    private readonly cal: Calendar,
    private readonly seed: number,
    accountCount: number,
  ) {
    const windowDays = Math.max(1, cal.dayLabels.length);
    this.dailyTopK = Math.max(1, Math.floor(DAILY_ROW_BUDGET / (accountCount * windowDays)));
  }

  /** The account's services; large orgs get daily rows for their biggest few only. */
  private lines(spec: AccountSpec, rng: Rng): { lines: Line[]; allDaily: boolean } {
    const committed = spec.env === "prod" || spec.env === "shared";
    const last = this.cal.current;
    const lines = pickServices(spec, rng).map((s): Line => ({
      name: s.name,
      base: s.base,
      amortFactor: committed && COMMITMENT_ELIGIBLE.has(s.name) ? rng.range(0.97, 1.08) : 1,
      // Some optional services were adopted during the covered period.
      startIdx: !s.core && last > 0 && rng.chance(0.12) ? rng.int(1, last) : 0,
      daily: false,
    }));
    const allDaily = lines.length <= this.dailyTopK;
    const byBase = [...lines].sort((a, b) => b.base - a.base);
    for (const line of allDaily ? lines : byBase.slice(0, this.dailyTopK)) line.daily = true;
    return { lines, allDaily };
  }

  private monthDays(k: number, weekend: number, joinDay: number, endAt: number): MonthDays | null {
    const days = this.cal.windowDays.get(k);
    if (!days) return null;
    const md: MonthDays = { days, weights: [], fullWeight: 0, toDate: 0, all: 0 };
    for (const d of days) {
      const f = d.weekend ? weekend : 1;
      const w = d.start >= joinDay && d.start < endAt ? f : 0;
      md.fullWeight += f;
      md.weights.push(w);
      md.all += w;
      if (!d.future) md.toDate += w;
    }
    return md;
  }

  /** Daily rows of one service-month; returns their sums. */
  private days(
    ledger: AccountLedger,
    line: Line,
    rate: number,
    md: MonthDays,
    rng: Rng,
    planted: PlantedKind | null,
  ): Amounts {
    const sums: Amounts = [0, 0, 0];
    for (let i = 0; i < md.days.length; i++) {
      const d = md.days[i];
      const w = md.weights[i] ?? 0;
      if (!d || d.future || w === 0) continue;
      const noisy = rate * w * (1 + 0.08 * rng.normal());
      const u = Math.max(0, toUnits(noisy * plantedFactor(this.cal, planted, d.label)));
      if (u === 0) continue;
      const a = amortizedUnits(u, line.amortFactor);
      const n = netUnits(u);
      ledger.daily(d.label, line.name, u, a, n);
      sums[0] += u;
      sums[1] += a;
      sums[2] += n;
    }
    return sums;
  }

  /** Tax and support: billed on closed months only, on the month's last day, undiscounted. */
  private billed(
    ledger: AccountLedger,
    k: number,
    service: string,
    u: number,
    md: MonthDays | null,
    daily: boolean,
  ): void {
    if (u === 0) return;
    ledger.monthly(k, service, u, u, u);
    const lastDay = md?.days[md.days.length - 1];
    if (daily && lastDay) ledger.daily(lastDay.label, service, u, u, u);
  }

  /** Generates one account; returns its pre-tax unblended per month (support is based on it). */
  account(spec: AccountSpec, supportBase: Float64Array | null): Float64Array {
    const cal = this.cal;
    const preTax = new Float64Array(cal.months.length);
    const first = Math.max(0, monthIndex(cal, spec.joinedAt));
    const suspended = spec.suspendedAt === null ? cal.current : monthIndex(cal, spec.suspendedAt);
    const last = Math.min(cal.current, suspended);
    if (first > last) return preTax;
    const rng = new Rng(this.seed, `cost:${spec.id}`);
    const shape = accountShape(spec, rng);
    const { lines, allDaily } = this.lines(spec, rng);
    const ledger = new AccountLedger(this.rows, cal, spec.id);
    const trend = new Float64Array(cal.months.length);
    for (let k = cal.current, f = 1; k >= 0; k--, f /= 1 + shape.growth) trend[k] = f;
    const joinDay = dayStart(spec.joinedAt);
    const endAt = spec.suspendedAt ?? Infinity;
    let forecast = 0;

    for (let k = first; k <= last; k++) {
      const month = cal.months[k];
      if (!month) continue;
      const season = 1 + shape.amplitude * ((shape.season[month.monthOfYear] ?? 1) - 1);
      const md = this.monthDays(k, shape.weekend, joinDay, endAt);
      const activeMs = Math.min(month.end, endAt) - Math.max(month.start, joinDay);
      const activeFraction = Math.max(0, activeMs) / (month.end - month.start);
      for (const line of lines) {
        if (k < line.startIdx) continue;
        const noise = Math.max(0.05, 1 + shape.sigma * rng.normal());
        let full = line.base * (trend[k] ?? 1) * season * noise;
        if (shape.spiky && rng.chance(0.015)) full *= rng.range(1.6, 3.2);
        if (md !== null && line.daily) {
          const rate = full / md.fullWeight;
          if (k === cal.current) forecast += toUnits(rate * md.all);
          const planted = plantedKind(spec.id, line.name);
          const [u, a, n] = this.days(ledger, line, rate, md, rng, planted);
          ledger.monthly(k, line.name, u, a, n);
          continue;
        }
        let u = toUnits(full * activeFraction);
        if (md !== null) {
          u = toUnits((full * md.toDate) / md.fullWeight);
          if (k === cal.current) forecast += toUnits((full * md.all) / md.fullWeight);
        }
        ledger.monthly(k, line.name, u, amortizedUnits(u, line.amortFactor), netUnits(u));
      }

      preTax[k] = ledger.total(k)[0];
      if (k !== cal.current) {
        if (supportBase) {
          const support = businessSupport((supportBase[k] ?? 0) + (preTax[k] ?? 0));
          this.billed(ledger, k, SERVICES.support, support, md, allDaily);
        }
        const tax = Math.round(ledger.total(k)[0] * TAX_RATE);
        this.billed(ledger, k, SERVICES.tax, tax, md, allDaily);
      }
    }

    const plans = planTags(spec, rng);
    for (let k = first; k <= last; k++) {
      const label = cal.months[k]?.label ?? "";
      splitByTag(this.rows.byTag, spec.id, label, k === cal.current, ledger.total(k), plans, rng);
    }
    if (last === cal.current) {
      const actual = ledger.total(cal.current)[0];
      this.current.set(spec.id, { actual, forecast: Math.max(actual, forecast) });
    }
    return preTax;
  }
}

export function generateCosts(
  specs: readonly AccountSpec[],
  seed: number,
  now: number,
  monthCount: number,
): CostOutput {
  const cal = buildCalendar(now, monthCount);
  const writer = new CostWriter(cal, seed, specs.length);
  // The management account pays the org's support plan, priced on everyone's usage: do it last.
  const orgUsage = new Float64Array(cal.months.length);
  let management: AccountSpec | undefined;
  for (const spec of specs) {
    if (spec.role === "management") {
      management = spec;
      continue;
    }
    const usage = writer.account(spec, null);
    for (let k = 0; k < usage.length; k++) orgUsage[k] = (orgUsage[k] ?? 0) + (usage[k] ?? 0);
  }
  if (management) writer.account(management, orgUsage);
  return {
    costs: {
      currency: "USD",
      months: cal.months.map((m) => m.label),
      days: cal.dayLabels,
      tagKeys: [...TAG_KEYS],
      ...writer.rows,
    },
    current: writer.current,
  };
}
