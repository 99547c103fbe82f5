// Cost Explorer's periods and paging as the test fakes serve them: (period, group) positions in
// order, at most `pageSize` groups a page, the next offset in an opaque token, and the groups of one
// period on a page sharing one result.
import type {
  GetCostAndUsageCommandInput,
  GetCostAndUsageCommandOutput,
  Group,
  ResultByTime,
} from "@aws-sdk/client-cost-explorer";
import { addMonths } from "@/lib/domain/months";

export interface CePeriod {
  start: string;
  end: string;
}

export interface CePosition extends CePeriod {
  estimated: boolean;
  group: Group;
}

const DAY_MS = 86_400_000;

/** The months of [start, end), or its days up to `today` (no daily data for the future). */
export function cePeriods(start: string, end: string, daily: boolean, today: string): CePeriod[] {
  const out: CePeriod[] = [];
  if (!daily) {
    for (let m = start; m < end; m = addMonths(m, 1)) out.push({ start: m, end: addMonths(m, 1) });
    return out;
  }
  for (let d = new Date(`${start}T00:00:00Z`); ; d = new Date(d.getTime() + DAY_MS)) {
    const day = d.toISOString().slice(0, 10);
    if (day >= end || day > today) break;
    out.push({ start: day, end: new Date(d.getTime() + DAY_MS).toISOString().slice(0, 10) });
  }
  return out;
}

/** The page the input's token points at, out of `total` positions read through `positionAt`. */
export function ceGroupPage(
  input: GetCostAndUsageCommandInput,
  pageSize: number,
  total: number,
  positionAt: (i: number) => CePosition | undefined,
): GetCostAndUsageCommandOutput {
  const offset = input.NextPageToken
    ? Number(Buffer.from(input.NextPageToken, "base64url").toString("utf8").split(":")[1])
    : 0;
  const results: ResultByTime[] = [];
  for (let i = offset; i < Math.min(total, offset + pageSize); i++) {
    const position = positionAt(i);
    if (!position) break;
    const last = results.at(-1);
    if (last?.TimePeriod?.Start === position.start) last.Groups?.push(position.group);
    else
      results.push({
        TimePeriod: { Start: position.start, End: position.end },
        Total: {},
        Groups: [position.group],
        Estimated: position.estimated,
      });
  }
  const next =
    offset + pageSize < total
      ? Buffer.from(`page:${offset + pageSize}`).toString("base64url")
      : undefined;
  return {
    ResultsByTime: results,
    NextPageToken: next,
    DimensionValueAttributes: [],
    $metadata: {},
  };
}
