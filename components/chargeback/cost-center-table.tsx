"use client";

import { Fragment } from "react";
import { Card } from "@/components/ui/card";
import type { TChargebackView } from "@/lib/api/chargeback";
import { formatMoneyCents } from "@/lib/format/money";
import { BASIS_LABEL } from "./labels";
import { numClass, thClass } from "./styles";

/** Cost centers with direct, shared and total; a row opens to the accounts charged to it. */
export function CostCenterTable({
  view,
  expanded,
  onExpand,
}: {
  view: TChargebackView;
  expanded: string | null;
  onExpand: (cc: string | null) => void;
}) {
  const { check } = view;
  return (
    <Card title={`Chargeback by cost center (${view.costCenters.length})`}>
      <div
        className="overflow-x-auto"
        tabIndex={0}
        role="region"
        aria-label="Chargeback by cost center table"
      >
        <table className="w-full text-sm" data-testid="cost-center-table">
          <thead>
            <tr className="border-b border-slate-200 dark:border-slate-800">
              <th scope="col" className={thClass}>
                Cost center
              </th>
              <th scope="col" className={`${thClass} text-right`}>
                Accounts
              </th>
              <th scope="col" className={`${thClass} text-right`}>
                Direct
              </th>
              <th scope="col" className={`${thClass} text-right`}>
                Shared allocated
              </th>
              <th scope="col" className={`${thClass} text-right`}>
                Total
              </th>
            </tr>
          </thead>
          <tbody>
            {view.costCenters.map((cc) => {
              const open = expanded === cc.costCenter;
              return (
                <Fragment key={cc.costCenter}>
                  <tr
                    className="border-b border-slate-100 dark:border-slate-800"
                    data-cost-center={cc.costCenter}
                  >
                    <th scope="row" className="px-2 py-1.5 text-left font-medium">
                      <button
                        type="button"
                        aria-expanded={open}
                        className="flex items-center gap-1 hover:underline"
                        onClick={() => onExpand(open ? null : cc.costCenter)}
                      >
                        <span aria-hidden className="inline-block w-3">
                          {open ? "▾" : "▸"}
                        </span>
                        {cc.costCenter === "unallocated" ? <em>unallocated</em> : cc.costCenter}
                      </button>
                    </th>
                    <td className={numClass}>{cc.accounts.length}</td>
                    <td className={numClass}>{formatMoneyCents(cc.direct)}</td>
                    <td className={numClass}>{formatMoneyCents(cc.shared)}</td>
                    <td className={`${numClass} font-semibold`} data-testid="cc-total">
                      {formatMoneyCents(cc.total)}
                    </td>
                  </tr>
                  {open ? (
                    <tr>
                      <td colSpan={5} className="bg-slate-50 px-2 py-2 dark:bg-slate-950">
                        <table
                          className="w-full text-sm"
                          aria-label={`Accounts charged to ${cc.costCenter}`}
                        >
                          <thead>
                            <tr>
                              {["Account", "OU (in the month)", "How allocated"].map((h) => (
                                <th key={h} scope="col" className={thClass}>
                                  {h}
                                </th>
                              ))}
                              {["Direct", "Shared", "Total"].map((h) => (
                                <th key={h} scope="col" className={`${thClass} text-right`}>
                                  {h}
                                </th>
                              ))}
                            </tr>
                          </thead>
                          <tbody>
                            {cc.accounts.map((a) => (
                              <tr
                                key={a.accountId || "none"}
                                className="border-t border-slate-200 dark:border-slate-800"
                              >
                                <td className="px-2 py-1.5">
                                  {a.accountId ? (
                                    <>
                                      <span className="font-medium">
                                        {a.accountName || "(unknown account)"}
                                      </span>{" "}
                                      <span className="tabular text-xs text-slate-600 dark:text-slate-400">
                                        {a.accountId}
                                      </span>
                                    </>
                                  ) : (
                                    <em>Shared cost without an account</em>
                                  )}
                                </td>
                                <td className="px-2 py-1.5 text-xs">{a.ouPath}</td>
                                <td className="px-2 py-1.5 text-xs">
                                  {a.basis ? BASIS_LABEL[a.basis] : "as issued"}
                                </td>
                                <td className={numClass}>{formatMoneyCents(a.direct)}</td>
                                <td className={numClass}>{formatMoneyCents(a.shared)}</td>
                                <td className={numClass}>{formatMoneyCents(a.total)}</td>
                              </tr>
                            ))}
                          </tbody>
                        </table>
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              );
            })}
          </tbody>
          <tfoot>
            <tr className="border-t-2 border-slate-300 font-semibold dark:border-slate-700">
              <th scope="row" className="px-2 py-2 text-left">
                Total
              </th>
              <td className={numClass}>
                {view.costCenters.reduce((s, c) => s + c.accounts.length, 0)}
              </td>
              <td colSpan={2} />
              <td className={numClass} data-testid="table-total">
                {formatMoneyCents(check.chargebackTotal)}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
    </Card>
  );
}
