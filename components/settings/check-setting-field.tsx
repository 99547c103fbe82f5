"use client";

// One check setting in the Settings → Checks form: its value as text (lists one per line, the
// environment classes as "prefix = class" lines), its meaning, unit and default, and its error.
import type { TCheckSetting, TSettingValue } from "@/lib/api/check-settings";

const input =
  "w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-950";

/** The value as the form edits it. */
export function toText(value: TSettingValue): string {
  if (typeof value === "number" || typeof value === "string") return String(value);
  if (Array.isArray(value)) return value.join("\n");
  return Object.entries(value)
    .map(([k, v]) => `${k} = ${v}`)
    .join("\n");
}

/** The edited text back as the value the API validates (a malformed entry is left for it to reject). */
export function fromText(text: string, like: TSettingValue): TSettingValue {
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  if (typeof like === "number") {
    const n = Number(text.trim());
    return text.trim() === "" || Number.isNaN(n) ? text.trim() : n;
  }
  if (typeof like === "string") return text.trim();
  if (Array.isArray(like)) return lines;
  const numeric = Object.values(like).every((v) => typeof v === "number");
  return Object.fromEntries(
    lines.map((l) => {
      const at = l.indexOf("=");
      const [k, v] = at < 0 ? [l, ""] : [l.slice(0, at).trim(), l.slice(at + 1).trim()];
      // Days by severity: a number where one is written, else the text for the API to reject.
      return [k, numeric && v !== "" && !Number.isNaN(Number(v)) ? Number(v) : v];
    }),
  );
}

export function CheckSettingField({
  setting,
  text,
  error,
  onChange,
  onReset,
  resetting,
}: {
  setting: TCheckSetting;
  text: string;
  error: string | undefined;
  onChange: (text: string) => void;
  onReset: () => void;
  resetting: boolean;
}) {
  const id = `setting-${setting.key}`;
  const multiline = typeof setting.default === "object";
  const described = `${id}-meaning ${id}-default${error ? ` ${id}-error` : ""}`;
  return (
    <div className="grid gap-2 border-t border-slate-100 py-3 first:border-t-0 md:grid-cols-[1fr_16rem] dark:border-slate-800">
      <div>
        <label htmlFor={id} className="text-sm font-medium">
          {setting.label}
        </label>
        {setting.overridden ? (
          <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900 dark:bg-amber-900 dark:text-amber-100">
            changed
          </span>
        ) : null}
        <p id={`${id}-meaning`} className="text-sm text-slate-600 dark:text-slate-400">
          {setting.meaning}
        </p>
        <p id={`${id}-default`} className="text-xs text-slate-600 dark:text-slate-400">
          Unit: {setting.unit}. Default: {toText(setting.default).replaceAll("\n", ", ")}
        </p>
      </div>
      <div className="space-y-1">
        {multiline ? (
          <textarea
            id={id}
            name={setting.key}
            value={text}
            rows={Math.min(8, Math.max(3, text.split("\n").length))}
            onChange={(e) => onChange(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={described}
            className={`${input} font-mono`}
          />
        ) : (
          <input
            id={id}
            name={setting.key}
            value={text}
            inputMode={typeof setting.default === "number" ? "decimal" : undefined}
            onChange={(e) => onChange(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={described}
            className={input}
          />
        )}
        {error ? (
          <p id={`${id}-error`} role="alert" className="text-sm text-red-700 dark:text-red-300">
            {error}
          </p>
        ) : null}
        {setting.overridden ? (
          <button
            type="button"
            onClick={onReset}
            disabled={resetting}
            className="text-xs text-indigo-700 underline disabled:opacity-60 dark:text-indigo-300"
          >
            Reset to default<span className="sr-only"> ({setting.label})</span>
          </button>
        ) : null}
      </div>
    </div>
  );
}
