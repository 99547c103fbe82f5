import { describe, expect, it } from "vitest";
import { csvStream } from "./csv";

describe("csvStream stall timeout", () => {
  it("a reader that stops reading is cut off and the source is closed (its connection released)", async () => {
    let closed = false;
    function* rows() {
      try {
        for (let i = 0; ; i++) yield [`row ${i}`, "x".repeat(200)];
      } finally {
        closed = true;
      }
    }
    const reader = csvStream(rows(), { stallTimeoutMs: 50 }).getReader();
    expect((await reader.read()).done).toBe(false);
    // The reader goes quiet: no read for longer than the stall timeout.
    await new Promise((r) => setTimeout(r, 200));
    expect(closed).toBe(true);
    await expect(reader.read()).rejects.toThrow(/stalled/);
  });

  it("a slow source is not a stalled reader", async () => {
    async function* rows() {
      for (let i = 0; i < 3; i++) {
        await new Promise((r) => setTimeout(r, 80));
        yield [`row ${i}`];
      }
    }
    const text = await new Response(
      csvStream(rows(), { stallTimeoutMs: 50, rowsPerPiece: 1 }),
    ).text();
    expect(text.split("\r\n").filter(Boolean)).toEqual(["row 0", "row 1", "row 2"]);
  });
});
