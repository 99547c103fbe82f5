import { Card } from "@/components/ui/card";
import type { TChargebackView } from "@/lib/api/chargeback";
import { formatMoneyCents } from "@/lib/format/money";
import { METHOD_LABEL } from "./labels";

/** Each shared-cost rule in force this month: what it took and where it went. */
export function PoolsCard({ view }: { view: TChargebackView }) {
  return (
    <Card title="Shared costs this month">
      <ul className="grid gap-4 md:grid-cols-2">
        {view.pools.map((p) => (
          <li
            key={p.ruleKey}
            className="rounded-lg border border-slate-200 p-3 dark:border-slate-800"
            data-testid="pool"
          >
            <p className="font-medium">
              {p.name}{" "}
              <span className="text-xs font-normal text-slate-600 dark:text-slate-400">
                v{p.version} · {METHOD_LABEL[p.method]}
              </span>
            </p>
            <p className="text-sm">
              Shared: <span className="tabular font-semibold">{formatMoneyCents(p.source)}</span>
            </p>
            <ul className="mt-1 space-y-0.5 text-sm">
              {p.targets.map((t) => (
                <li key={`${t.kind}:${t.id}`} className="flex justify-between gap-2">
                  <span>
                    → {t.kind === "ou" ? "OU " : ""}
                    {t.label}
                  </span>
                  <span className="tabular">{formatMoneyCents(t.amount)}</span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {view.warnings.length ? (
        <ul className="mt-3 list-disc pl-5 text-sm text-amber-800 dark:text-amber-300">
          {view.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
