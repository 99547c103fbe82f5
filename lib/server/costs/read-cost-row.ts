// One row of the showback query, validated and laid out on the view's periods.
import "server-only";
import { z } from "zod";
import { groupLabel, type TGroupBy } from "@/lib/domain/showback/group-by";
import { toGridGroup, type TGridGroup } from "@/lib/domain/showback/pivot";

const ZCostSqlRow = z.object({
  group_key: z.string(),
  label: z.string().nullable(),
  periods: z.array(z.string()),
  amounts: z.array(z.string()),
  estimated: z.array(z.boolean()),
  total: z.string(),
});

export interface TCostRow {
  group: TGridGroup;
  /** Periods in which any of this group's spend is still estimated. */
  estimatedPeriods: string[];
}

export function readCostRow(groupBy: TGroupBy, periods: readonly string[], raw: unknown): TCostRow {
  const row = ZCostSqlRow.parse(raw);
  const group = toGridGroup(periods, {
    key: row.group_key,
    label: groupLabel(groupBy, row.group_key, row.label),
    periods: row.periods,
    amounts: row.amounts,
    total: row.total,
  });
  return { group, estimatedPeriods: row.periods.filter((_, i) => row.estimated[i]) };
}
