// A KPI value in its unit, as tiles and reports print it: "72.5%", "3.2 d", "1,204", "$1,234".
import type { TKpiMeta } from "@/lib/api/kpis";
import { formatMoney } from "@/lib/format/money";

const oneDecimal = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

export function formatKpiValue(value: number | null, unit: TKpiMeta["unit"]): string {
  if (value === null) return "–";
  switch (unit) {
    case "pct":
      return `${oneDecimal.format(value)}%`;
    case "hours":
      return value >= 48 ? `${oneDecimal.format(value / 24)} d` : `${oneDecimal.format(value)} h`;
    case "count":
      return Math.round(value).toLocaleString("en-US");
    case "usd":
      return formatMoney(value);
  }
}
