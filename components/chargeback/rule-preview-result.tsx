import type { TRulePreview } from "@/lib/api/chargeback";
import { formatMoneyCents, formatMonth } from "@/lib/format/money";
import { numClass, thClass } from "./styles";


/** The draft's effect on one month: its pool, where it goes, and every cost center whose total moves. */
export function RulePreviewResult({ preview }: { preview: TRulePreview }) {
  const changed = preview.costCenters.filter((c) => c.change !== "0.00");
  return (
    <section aria-label="Preview" className="space-y-2" data-testid="rule-preview">
      <h4 className="font-medium">
        Preview for {formatMonth(preview.month)}: the rule shares <span className="tabular">{formatMoneyCents(preview.pool.source)}</span>
      </h4>
      <ul className="text-sm">
        {preview.pool.targets.map((t) => (
          <li key={`${t.kind}:${t.id}`}>
            → {t.kind === "ou" ? "OU " : ""}
            {t.label}: <span className="tabular">{formatMoneyCents(t.amount)}</span>
          </li>
        ))}
      </ul>
      {changed.length ? (
        <table className="w-full text-sm">
          <thead>
            <tr className="border-b border-slate-200 dark:border-slate-800">
              <th scope="col" className={thClass}>
                Cost center
              </th>
              {["Before", "After", "Change"].map((h) => (
                <th key={h} scope="col" className={`${thClass} text-right`}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {changed.map((c) => (
              <tr key={c.costCenter} className="border-b border-slate-100 dark:border-slate-800">
                <td className="px-2 py-1">{c.costCenter}</td>
                <td className={numClass}>{formatMoneyCents(c.before)}</td>
                <td className={numClass}>{formatMoneyCents(c.after)}</td>
                <td className={numClass}>{c.change.startsWith("-") ? formatMoneyCents(c.change) : `+${formatMoneyCents(c.change)}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="text-sm">No cost center&apos;s total changes.</p>
      )}
      <p className="text-sm">
        Organization total before and after: <span className="tabular">{formatMoneyCents(preview.total.before)}</span> / <span className="tabular">{formatMoneyCents(preview.total.after)}</span>
        {preview.total.before === preview.total.after ? " — unchanged, as a split must leave it." : ""}
      </p>
      {preview.warnings.length ? (
        <ul className="list-disc pl-5 text-sm text-amber-800 dark:text-amber-300">
          {preview.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
