import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  csvCell,
  csvFilename,
  csvResponse,
  csvStream,
  neutralizeFormula,
  type CsvCell,
} from "./csv";

async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe("neutralizeFormula", () => {
  it.each([
    ['=HYPERLINK("http://evil","x")', '\'=HYPERLINK("http://evil","x")'],
    ["+1+2", "'+1+2"],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tTAB", "'\tTAB"],
    ["\rCR", "'\rCR"],
    ["plain", "plain"],
    ["", ""],
    ["a=b", "a=b"],
  ])("%j → %j", (input, expected) => {
    expect(neutralizeFormula(input)).toBe(expected);
  });

  it("keeps plain decimals, negative amounts included, as numbers", () => {
    expect(neutralizeFormula("-12.50")).toBe("-12.50");
    expect(neutralizeFormula("0.0000000001")).toBe("0.0000000001");
    expect(neutralizeFormula("-5")).toBe("-5");
  });

  it("never lets a non-numeric cell start with a formula character", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const out = neutralizeFormula(s);
        return !/^[=+\-@\t\r]/.test(out) || /^-?\d+(\.\d+)?$/.test(out);
      }),
    );
  });
});

describe("csvCell", () => {
  it.each<[CsvCell, string]>([
    [null, ""],
    [undefined, ""],
    [new Date("2026-03-01T00:00:00Z"), "2026-03-01T00:00:00.000Z"],
    [1234.5, "1234.5"],
    [1e21, "1000000000000000000000"],
    [-0.25, "-0.25"],
    [12n, "12"],
    [true, "true"],
    ["=1+1", "'=1+1"],
  ])("%s → %s", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it("refuses numbers that are not finite", () => {
    expect(() => csvCell(Number.NaN)).toThrow(RangeError);
  });
});

describe("csvStream", () => {
  it("writes a header and rows that parse back to the neutralized cells", async () => {
    const rows: CsvCell[][] = [
      ["Group", "2026-03-01", "Total"],
      ['Team "Blue", EU', "10.5", "10.5"],
      ['=HYPERLINK("x")', "-3", "-3"],
      ["line\nbreak", "0", "0"],
    ];
    const out = await text(csvStream(rows));
    expect(out.endsWith("\r\n")).toBe(true);
    expect(parse(out)).toEqual(rows.map((r) => r.map(csvCell)));
    expect(out).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it("round-trips any text through csv-parse", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.string(), { minLength: 1, maxLength: 4 }), {
          minLength: 1,
          maxLength: 6,
        }),
        async (rows) => {
          const parsed: unknown = parse(await text(csvStream(rows)), { relax_column_count: true });
          expect(parsed).toEqual(rows.map((r) => r.map(csvCell)));
        },
      ),
      { numRuns: 50 },
    );
  });

  it("pulls rows from the source lazily instead of buffering them all", async () => {
    let produced = 0;
    function* many() {
      for (let i = 0; i < 1_000_000; i++) {
        produced++;
        yield [`row ${i}`, i];
      }
    }
    const reader = csvStream(many()).getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    await reader.cancel();
    expect(produced).toBeLessThan(100_000);
  });

  it("errors the stream when the source fails", async () => {
    function* failing(): Generator<CsvCell[]> {
      yield ["a"];
      throw new Error("database went away");
    }
    await expect(text(csvStream(failing()))).rejects.toThrow("database went away");
  });
});

describe("csvResponse", () => {
  it("is a UTF-8 CSV attachment with a safe file name", async () => {
    const res = csvResponse('costs "by" ou\r\n', [["Größe", "1"]]);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="costs-by-ou.csv"');
    expect(new TextDecoder().decode(await res.arrayBuffer())).toBe("Größe,1\r\n");
  });

  it("names files from their parts", () => {
    expect(csvFilename("orglens-costs-ou-2025-11-to-2026-11")).toBe(
      "orglens-costs-ou-2025-11-to-2026-11.csv",
    );
    expect(csvFilename("../../etc")).toBe("..-..-etc.csv");
    expect(csvFilename("///")).toBe("export.csv");
  });
});
