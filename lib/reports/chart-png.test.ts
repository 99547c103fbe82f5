import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { CHART_COLORS, barGeometry, renderBarChart } from "./chart-png";

const pixel = (png: PNG, x: number, y: number) => {
  const i = (png.width * y + x) << 2;
  return [png.data[i], png.data[i + 1], png.data[i + 2]];
};

describe("renderBarChart", () => {
  const chart = { width: 300, height: 120, values: [10, 40, 0, 20] };
  const buf = renderBarChart(chart);
  const png = PNG.sync.read(buf);

  it("writes a PNG of the requested size", () => {
    expect([...buf.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect([png.width, png.height]).toEqual([300, 120]);
  });

  it("paints each bar in the bar colour, as tall as its value", () => {
    const bars = barGeometry(chart);
    const tallest = bars[1];
    const half = bars[3];
    if (!tallest || !half) throw new Error("bars missing");
    expect(half.bottom - half.top).toBe(Math.round((tallest.bottom - tallest.top) / 2));
    const mid = (b: { x0: number; x1: number; top: number; bottom: number }) =>
      pixel(png, Math.floor((b.x0 + b.x1) / 2), Math.floor((b.top + b.bottom) / 2));
    expect(mid(tallest)).toEqual([...CHART_COLORS.bar]);
    expect(mid(half)).toEqual([...CHART_COLORS.bar]);
    // Above the shorter bar, at the tallest bar's height, is background (or a grid line), not bar.
    expect(pixel(png, Math.floor((half.x0 + half.x1) / 2), tallest.top + 2)).not.toEqual([
      ...CHART_COLORS.bar,
    ]);
  });

  it("draws no bar for a zero value", () => {
    const zero = barGeometry(chart)[2];
    if (!zero) throw new Error("bar missing");
    expect(zero.top).toBe(zero.bottom);
    expect(pixel(png, Math.floor((zero.x0 + zero.x1) / 2), zero.bottom - 3)).toEqual([
      ...CHART_COLORS.background,
    ]);
  });
});
