import { describe, expect, it } from "vitest";
import { benchCostExplorer } from "./cost-explorer";

describe("benchCostExplorer", () => {
  it("counts the same requests and monthly rows whether it holds the rows or counts them as they stream", async () => {
    const held = await benchCostExplorer(40, true);
    const streamed = await benchCostExplorer(40, false);
    expect(held.backfill.monthlyRows).toBeGreaterThan(0);
    expect(streamed.backfill.monthlyRows).toBe(held.backfill.monthlyRows);
    expect(streamed.backfill.requests).toBe(held.backfill.requests);
    expect(streamed.incremental).toEqual(held.incremental);
    expect(streamed.lateCorrection).toEqual(held.lateCorrection);
    // Only a held read measures the heap the rows take.
    expect(typeof held.backfill.heapMb).toBe("number");
    expect(streamed.backfill.heapMb).toBeUndefined();
  });
});
