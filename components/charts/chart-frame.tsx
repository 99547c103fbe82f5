"use client";

// The box and grid every OrgLens chart draws in, so that charts side by side line up and a screen
// reader hears one name for the whole chart instead of every bar.
import type { ReactNode } from "react";
import { ResponsiveContainer, type CartesianGridProps } from "recharts";

/** Room for the first and last labels without clipping; no bottom margin under the x axis. */
export const CHART_MARGIN = { top: 8, right: 8, bottom: 0, left: 8 };

/** Faint horizontal lines only, in the text colour so they follow light and dark mode. */
export const GRID_PROPS = {
  strokeDasharray: "3 3",
  vertical: false,
  stroke: "currentColor",
  strokeOpacity: 0.15,
} satisfies CartesianGridProps;

export function ChartFrame({
  heightClass,
  label,
  children,
}: {
  /** A Tailwind height: recharts measures the box, so it needs one. */
  heightClass: string;
  label: string;
  children: ReactNode;
}) {
  return (
    <div className={`${heightClass} w-full`} role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        {children}
      </ResponsiveContainer>
    </div>
  );
}
