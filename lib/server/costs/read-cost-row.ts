// One row of the showback query, checked and laid out on the view's periods. The check is a few
// typeof tests rather than a zod parse: the query answers thousands of rows and its shape is ours.
import "server-only";
import { groupLabel, type TGroupBy } from "@/lib/domain/showback/group-by";
import { toGridGroup, type TGridGroup } from "@/lib/domain/showback/pivot";

export interface TCostSqlRow {
  /** The last row: column sums, and in `estimated` which periods hold estimated spend. */
  is_total: boolean;
  group_key: string;
  label: string | null;
  periods: string[];
  amounts: string[];
  estimated: boolean[];
  total: string;
  /** On the totals row: how many groups there are in all (the others may be on other pages). */
  group_count: number | null;
  /** On the totals row: the total of the blank group ("untagged"), which may be on another page. */
  blank_total: string | null;
}

const isArrayOf = <T>(v: unknown, is: (x: unknown) => x is T): v is T[] =>
  Array.isArray(v) && v.every(is);
const isString = (x: unknown): x is string => typeof x === "string";
const isBoolean = (x: unknown): x is boolean => typeof x === "boolean";
const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null;

function fail(column: string): never {
  throw new TypeError(`showback row: unexpected ${column}`);
}

/** The row as the query shapes it, or a thrown error naming the first column that is not. */
export function checkCostRow(raw: unknown): TCostSqlRow {
  if (!isRecord(raw)) return fail("row");
  const {
    is_total,
    group_key,
    label,
    periods,
    amounts,
    estimated,
    total,
    group_count,
    blank_total,
  } = raw;
  if (!isBoolean(is_total)) fail("is_total");
  if (!isString(group_key)) fail("group_key");
  if (!(label === null || isString(label))) fail("label");
  if (!isArrayOf(periods, isString)) fail("periods");
  if (!isArrayOf(amounts, isString) || amounts.length !== periods.length) fail("amounts");
  if (!isArrayOf(estimated, isBoolean)) fail("estimated");
  if (!isString(total)) fail("total");
  if (!(group_count === null || typeof group_count === "number")) fail("group_count");
  if (!(blank_total === null || isString(blank_total))) fail("blank_total");
  return {
    is_total,
    group_key,
    label,
    periods,
    amounts,
    estimated,
    total,
    group_count,
    blank_total,
  };
}

/** A group row on the view's periods: one value per period, "0" where it had no spend. */
export function readCostRow(
  groupBy: TGroupBy,
  periods: readonly string[],
  row: TCostSqlRow,
): TGridGroup {
  return toGridGroup(periods, {
    key: row.group_key,
    label: row.is_total ? "Total" : groupLabel(groupBy, row.group_key, row.label),
    periods: row.periods,
    amounts: row.amounts,
    total: row.total,
  });
}
