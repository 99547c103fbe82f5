// Cost Explorer answers in the shape AWS sends them: groups per period, Total empty with GroupBy.
type Group = [accountId: string, key: string, amount: string];

export function costResult(
  periods: [start: string, estimated: boolean, groups: Group[]][],
  nextPageToken?: string,
) {
  return {
    ResultsByTime: periods.map(([start, estimated, groups]) => ({
      TimePeriod: { Start: start, End: start },
      Total: {},
      Estimated: estimated,
      Groups: groups.map(([accountId, key, amount]) => ({
        Keys: key ? [accountId, key] : [accountId],
        Metrics: Object.fromEntries(
          ["UnblendedCost", "AmortizedCost", "NetUnblendedCost"].map((m) => [
            m,
            { Amount: amount, Unit: "USD" },
          ]),
        ),
      })),
    })),
    DimensionValueAttributes: [],
    ...(nextPageToken ? { NextPageToken: nextPageToken } : {}),
  };
}
