// Words for the chargeback's codes.
import type { TRuleMethod } from "@/lib/domain/allocation/rules";

/** How a line's cost center was found. */
export const BASIS_LABEL = {
  accountTag: "account tag",
  ouDefault: "OU default",
  tagSplit: "resource tag split",
  unallocated: "no source matched",
  shared: "shared cost only",
} as const;

export const METHOD_LABEL: Record<TRuleMethod, string> = {
  proportional: "proportional to direct spend",
  even: "split evenly",
  fixed: "fixed percentages",
};
