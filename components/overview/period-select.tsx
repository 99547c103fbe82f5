"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { PERIODS } from "@/lib/api/kpis";

/** The period of every trend on the page, kept in the URL (?months=) so a view can be shared. */
export function PeriodSelect({ months }: { months: number }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="text-slate-600 dark:text-slate-400">Period</span>
      <select
        value={months}
        data-testid="period-select"
        onChange={(e) => {
          const next = new URLSearchParams(params.toString());
          next.set("months", e.target.value);
          router.replace(`${pathname}?${next.toString()}`, { scroll: false });
        }}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
      >
        {PERIODS.map((p) => (
          <option key={p} value={p}>{`Last ${p} months`}</option>
        ))}
      </select>
    </label>
  );
}
