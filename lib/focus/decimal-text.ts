// Exact decimals as FOCUS files carry them: validated on import, written without trailing zeros.
import Decimal from "decimal.js";

const Dec = Decimal.clone({ precision: 60 });

/** focus_charge columns are numeric(24,12). */
export const MAX_SCALE = 12;
const MAX_ABS = new Dec("1e12");

/** "1.50" → "1.50", "1E-7" → "0.0000001"; an error message for what does not fit numeric(24,12). */
export function parseFocusDecimal(text: string): { value: string } | { error: string } {
  let d: Decimal;
  try {
    d = new Dec(text.trim());
  } catch {
    return { error: `"${text}" is not a number` };
  }
  if (!d.isFinite()) return { error: `"${text}" is not a finite number` };
  if (d.decimalPlaces() > MAX_SCALE)
    return { error: `"${text}" has more than ${MAX_SCALE} decimal places` };
  if (d.abs().gte(MAX_ABS)) return { error: `"${text}" is too large` };
  return { value: d.toFixed() };
}

/** "12.3400000000" → "12.34", "-0.0000" → "0". */
export function trimDecimal(text: string): string {
  if (!text.includes(".")) return text === "-0" ? "0" : text;
  const trimmed = text.replace(/0+$/, "").replace(/\.$/, "");
  return trimmed === "-0" ? "0" : trimmed;
}
