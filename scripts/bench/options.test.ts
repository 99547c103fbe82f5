import { describe, expect, it } from "vitest";
import { BENCH_PARTS, parseParts, parseSizes } from "./options";

describe("bench options", () => {
  it("runs every part unless --only names some, and refuses a part it does not know", () => {
    expect([...parseParts(undefined)]).toEqual([...BENCH_PARTS]);
    expect([...parseParts("showback, export")]).toEqual(["showback", "export"]);
    expect(() => parseParts("showback,exports")).toThrow(/"exports" is not a part/);
    expect(() => parseParts(" , ")).toThrow(/give one or more/);
  });

  it("sorts and de-duplicates sizes and refuses what is not a whole number of accounts", () => {
    expect(parseSizes("20000,1_000,5000,1000")).toEqual([1000, 5000, 20000]);
    expect(() => parseSizes("1000,abc")).toThrow(/"abc" is not a whole number/);
  });
});
