// From the query's one-row-per-group (with the periods it has spend in) to a grid: one value per
// period for every group, zero where it had none, plus column and grand totals, all exact.
import { normalizeDecimal, sumDecimals } from "./decimal";

export interface TGroupCells {
  key: string;
  label: string;
  /** Periods with spend ("YYYY-MM-DD"), aligned with amounts. */
  periods: readonly string[];
  amounts: readonly string[];
  /** The group's exact total when the query already has it; summed from the amounts otherwise. */
  total?: string;
}

export interface TGridGroup {
  key: string;
  label: string;
  values: string[];
  total: string;
}

export interface TGrid {
  groups: TGridGroup[];
  totals: { values: string[]; total: string };
}

/** Trailing zeros off ("12.5000" → "12.5"); most amounts arrive without any, so skip the parse then. */
const shortest = (v: string) => (/\.\d*0$/.test(v) ? normalizeDecimal(v) : v);

/** One value per period, "0" where the group had no spend. */
export function alignCells(
  periods: readonly string[],
  cells: Pick<TGroupCells, "periods" | "amounts">,
): string[] {
  const byPeriod = new Map<string, string>();
  cells.periods.forEach((p, i) => byPeriod.set(p, cells.amounts[i] ?? "0"));
  return periods.map((p) => shortest(byPeriod.get(p) ?? "0"));
}

export function toGridGroup(periods: readonly string[], cells: TGroupCells): TGridGroup {
  const values = alignCells(periods, cells);
  return {
    key: cells.key,
    label: cells.label,
    values,
    total: cells.total === undefined ? sumDecimals(values) : shortest(cells.total),
  };
}

export function buildGrid(periods: readonly string[], rows: readonly TGroupCells[]): TGrid {
  const groups = rows.map((r) => toGridGroup(periods, r));
  return { groups, totals: totalsOf(periods, groups) };
}

export function totalsOf(
  periods: readonly string[],
  groups: readonly Pick<TGridGroup, "values">[],
): { values: string[]; total: string } {
  const values = periods.map((_, i) => sumDecimals(groups.map((g) => g.values[i] ?? "0")));
  return { values, total: sumDecimals(values) };
}
