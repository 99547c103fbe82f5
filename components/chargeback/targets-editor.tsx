"use client";

import type { TChargebackOptions } from "@/lib/api/chargeback";
import type { TRuleMethod, TRuleTarget } from "@/lib/domain/allocation/rules";
import { inputClass, mutedText } from "./styles";

/** The rule's targets: cost centers (free text, known ones suggested) or OUs, with percentages for a fixed split. */
export function TargetsEditor({
  targets,
  method,
  options,
  onChange,
}: {
  targets: TRuleTarget[];
  method: TRuleMethod;
  options: TChargebackOptions;
  onChange: (t: TRuleTarget[]) => void;
}) {
  const set = (i: number, t: TRuleTarget) => onChange(targets.map((x, j) => (j === i ? t : x)));
  const sum = targets.reduce((s, t) => s + (t.percent ?? 0), 0);
  return (
    <fieldset className="space-y-2 text-sm">
      <legend className="mb-1">Targets</legend>
      <datalist id="cost-center-options">
        {options.costCenters.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      {targets.map((t, i) => (
        <div
          key={i}
          className="flex flex-wrap items-center gap-2"
          role="group"
          aria-label={`Target ${i + 1}`}
        >
          <select
            aria-label={`Target ${i + 1} kind`}
            className={inputClass}
            value={t.kind}
            onChange={(e) =>
              set(i, { ...t, kind: e.target.value === "ou" ? "ou" : "costCenter", id: "" })
            }
          >
            <option value="costCenter">Cost center</option>
            <option value="ou">OU (its accounts)</option>
          </select>
          {t.kind === "ou" ? (
            <select
              aria-label={`Target ${i + 1} OU`}
              className={inputClass}
              value={t.id}
              onChange={(e) => set(i, { ...t, id: e.target.value })}
            >
              <option value="">Pick an OU…</option>
              {options.ous.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.path}
                </option>
              ))}
            </select>
          ) : (
            <input
              aria-label={`Target ${i + 1} cost center`}
              className={inputClass}
              list="cost-center-options"
              value={t.id}
              placeholder="CC-1234"
              onChange={(e) => set(i, { ...t, id: e.target.value })}
            />
          )}
          {method === "fixed" ? (
            <label className="flex items-center gap-1">
              <input
                aria-label={`Target ${i + 1} percent`}
                type="number"
                min={0.01}
                max={100}
                step={0.01}
                className={`${inputClass} w-24`}
                value={t.percent ?? ""}
                onChange={(e) =>
                  set(i, {
                    ...t,
                    percent: e.target.value === "" ? undefined : Number(e.target.value),
                  })
                }
              />
              %
            </label>
          ) : null}
          <button
            type="button"
            className="text-xs underline"
            onClick={() => onChange(targets.filter((_, j) => j !== i))}
            aria-label={`Remove target ${i + 1}`}
          >
            Remove
          </button>
        </div>
      ))}
      <div className="flex items-center gap-3">
        <button
          type="button"
          className="text-sm underline"
          onClick={() => onChange([...targets, { kind: "ou", id: "" }])}
        >
          Add target
        </button>
        {method === "fixed" ? (
          <span
            className={`text-xs ${Math.abs(sum - 100) < 0.005 ? mutedText : "text-amber-800 dark:text-amber-300"}`}
          >
            Percentages add up to {sum.toFixed(2)}%
          </span>
        ) : null}
      </div>
    </fieldset>
  );
}
