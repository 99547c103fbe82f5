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
  readonly rows: CostRows = { monthly: [], daily: [], byTag: [], byDimension: [], charges: [] };
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
    recordType: string,
    amortized = u,
  ): void {
    if (u === 0) return;
    ledger.monthly(k, service, u, amortized, u, { recordType, region: "global" });
    const lastDay = md?.days[md.days.length - 1];
    if (daily && lastDay) ledger.daily(lastDay.label, service, u, amortized, u);
  }

  /**
   * Credits, a refund and commitment fees, after tax (the demo's tax is on usage). Credits and the
   * refund land on a usage service in months before the daily window, so daily rows stay the whole
   * truth of the months they cover; fees are services of their own, billed like tax.
   */
  private charges(
    spec: AccountSpec,
    ledger: AccountLedger,
    k: number,
    lines: readonly Line[],
    md: MonthDays | null,
    allDaily: boolean,
    plan: ChargePlan,
  ): void {
    const usage = ledger.total(k)[0];
    if (usage <= 0) return;
    const target = lines.find((l) => l.startIdx <= k) ?? null;
    if (target && md === null) {
      const region = regionOf(spec, target.name);
      if (plan.creditMonths.has(k)) {
        const credit = -Math.min(Math.round(usage * plan.creditShare), toUnits(500));
        ledger.monthly(k, target.name, credit, credit, credit, { recordType: "Credit", region });
      }
      if (plan.refundMonth === k) {
        const refund = -Math.round(usage * 0.04);
        ledger.monthly(k, target.name, refund, refund, refund, { recordType: "Refund", region });
      }
    }
    // Fees are billed for closed months, in full (unblended); their amortized cost is spread into
    // the covered usage.
    if (k === this.cal.current) return;
    if (plan.savingsPlanShare > 0) {
      const fee = Math.round(usage * plan.savingsPlanShare);
      this.billed(ledger, k, SAVINGS_PLANS, fee, md, allDaily, "SavingsPlanRecurringFee", 0);
    }
    // The reservation is of a database the account does not run itself (its own row would merge).
    const riService = plan.holdsReservation
      ? RI_SERVICES.find((name) => !lines.some((l) => l.name === name))
      : undefined;
    if (riService) {
      const fee = Math.round(usage * 0.06);
      this.billed(ledger, k, riService, fee, md, allDaily, "RIFee", 0);
    }
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
    // Its own sequence, so adding charge types left every usage figure as it was.
    const charges = chargePlan(spec, new Rng(this.seed, `charges:${spec.id}`), first, last);
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
          ledger.monthly(k, line.name, u, a, n, {
            recordType: "Usage",
            region: regionOf(spec, line.name),
          });
          continue;
        }
        let u = toUnits(full * activeFraction);
        if (md !== null) {
          u = toUnits((full * md.toDate) / md.fullWeight);
          if (k === cal.current) forecast += toUnits((full * md.all) / md.fullWeight);
        }
        ledger.monthly(k, line.name, u, amortizedUnits(u, line.amortFactor), netUnits(u), {
          recordType: "Usage",
          region: regionOf(spec, line.name),
        });
      }

      preTax[k] = ledger.total(k)[0];
      if (k !== cal.current) {
        if (supportBase) {
          const support = businessSupport((supportBase[k] ?? 0) + (preTax[k] ?? 0));
          this.billed(ledger, k, SERVICES.support, support, md, allDaily, "Support");
        }
        const tax = Math.round(ledger.total(k)[0] * TAX_RATE);
        this.billed(ledger, k, SERVICES.tax, tax, md, allDaily, "Tax");
      }
      this.charges(spec, ledger, k, lines, md, allDaily, charges);
    }
    ledger.flushDimensions();

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

const SAVINGS_PLANS = "Savings Plans for AWS Compute usage";
const RI_SERVICES = [
  "Amazon Relational Database Service",
  "Amazon ElastiCache",
  "Amazon OpenSearch Service",
  "Amazon Redshift",
];

interface ChargePlan {
  creditMonths: ReadonlySet<number>;
  creditShare: number;
  refundMonth: number | null;
  savingsPlanShare: number;
  holdsReservation: boolean;
}

/**
 * Which charge types an account has: sandboxes and some dev accounts run on promotional credits,
 * a few accounts get one refund, prod accounts pay a Savings Plan, shared-services accounts hold a
 * Reserved Instance of a database the workloads use (RI benefits are shared across the organization).
 */
function chargePlan(spec: AccountSpec, rng: Rng, first: number, last: number): ChargePlan {
  const creditMonths = new Set<number>();
  if (spec.env === "sandbox" || (spec.env === "dev" && rng.chance(0.3)))
    for (let k = first; k <= last; k++) if (k - first < 6) creditMonths.add(k);
  const refundMonth = rng.chance(0.08) && last - first >= 3 ? rng.int(first, last - 2) : null;
  const savingsPlanShare = spec.env === "prod" && rng.chance(0.6) ? rng.range(0.08, 0.16) : 0;
  const holdsReservation = spec.role === "shared-services";
  return {
    creditMonths,
    creditShare: rng.range(0.2, 0.6),
    refundMonth,
    savingsPlanShare,
    holdsReservation,
  };
}

/** Most spend in the home region, some services in a second one, global services nowhere in particular. */
const GLOBAL_SERVICES = new Set([
  "Amazon CloudFront",
  "Amazon Route 53",
  "AWS Identity and Access Management",
]);
function regionOf(spec: AccountSpec, service: string): string {
  if (GLOBAL_SERVICES.has(service)) return "global";
  let h = 0;
  for (const c of `${spec.id}${service}`) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h % 5 === 0 ? "eu-west-1" : h % 11 === 0 ? "ap-southeast-2" : "us-east-1";
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
      dimensionMonths: {
        RECORD_TYPE: cal.months.map((m) => m.label),
        REGION: cal.months.map((m) => m.label),
      },
      ...writer.rows,
    },
    current: writer.current,
  };
}
