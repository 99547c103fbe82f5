// Bar charts drawn on a pixel buffer and encoded as PNG in pure JS (pngjs): mail clients show images
// but run no scripts, so the digest's charts are pictures rendered on the server. Labels and figures
// stay in the HTML beside the picture (screen readers and text-only clients read those).
import { PNG } from "pngjs";

export type TRgb = readonly [number, number, number];

export const CHART_COLORS = {
  background: [255, 255, 255],
  grid: [226, 232, 240],
  axis: [100, 116, 139],
  bar: [37, 99, 235],
  /** The bars of the compared period, when drawn. */
  previous: [148, 163, 184],
} as const satisfies Record<string, TRgb>;

export interface TBarChart {
  width: number;
  height: number;
  values: readonly number[];
  /** Same length as `values`: drawn as a thinner grey bar before each one. */
  previous?: readonly number[];
}

export const CHART_PADDING = 12;

function fill(png: PNG, x0: number, y0: number, x1: number, y1: number, [r, g, b]: TRgb): void {
  for (let y = Math.max(0, y0); y < Math.min(png.height, y1); y++)
    for (let x = Math.max(0, x0); x < Math.min(png.width, x1); x++) {
      const i = (png.width * y + x) << 2;
      png.data[i] = r;
      png.data[i + 1] = g;
      png.data[i + 2] = b;
      png.data[i + 3] = 255;
    }
}

/** Where each bar lands, so tests can sample its pixels: [x0, x1) × [top, bottom). */
export function barGeometry(
  chart: TBarChart,
): { x0: number; x1: number; top: number; bottom: number }[] {
  const { width, height, values, previous } = chart;
  const inner = width - 2 * CHART_PADDING;
  const bottom = height - CHART_PADDING;
  const max = Math.max(0, ...values, ...(previous ?? []));
  const slot = values.length ? inner / values.length : inner;
  const gap = Math.max(1, Math.floor(slot * 0.2));
  return values.map((v, i) => {
    const x0 = Math.round(CHART_PADDING + i * slot + gap / 2);
    const x1 = Math.max(x0 + 1, Math.round(CHART_PADDING + (i + 1) * slot - gap / 2));
    const h = max > 0 ? Math.round((Math.max(0, v) / max) * (bottom - CHART_PADDING)) : 0;
    return { x0, x1, top: bottom - h, bottom };
  });
}

export function renderBarChart(chart: TBarChart): Buffer {
  const png = new PNG({ width: chart.width, height: chart.height });
  fill(png, 0, 0, chart.width, chart.height, CHART_COLORS.background);
  const bottom = chart.height - CHART_PADDING;
  for (let q = 1; q <= 4; q++) {
    const y = Math.round(bottom - (q / 4) * (bottom - CHART_PADDING));
    fill(png, CHART_PADDING, y, chart.width - CHART_PADDING, y + 1, CHART_COLORS.grid);
  }
  const bars = barGeometry(chart);
  const prev = chart.previous ? barGeometry({ ...chart, values: chart.previous }) : [];
  bars.forEach((b, i) => {
    const p = prev[i];
    if (p) {
      // The compared period: the left third of the slot, behind the current bar.
      const w = Math.max(1, Math.floor((b.x1 - b.x0) / 3));
      fill(png, b.x0, p.top, b.x0 + w, p.bottom, CHART_COLORS.previous);
      fill(png, b.x0 + w, b.top, b.x1, b.bottom, CHART_COLORS.bar);
    } else fill(png, b.x0, b.top, b.x1, b.bottom, CHART_COLORS.bar);
  });
  fill(png, CHART_PADDING, bottom, chart.width - CHART_PADDING, bottom + 1, CHART_COLORS.axis);
  return PNG.sync.write(png);
}
