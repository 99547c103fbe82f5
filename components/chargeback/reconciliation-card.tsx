import { Card } from "@/components/ui/card";
import type { TChargebackView } from "@/lib/api/chargeback";
import { formatCents, toCentsHalfUp } from "@/lib/domain/allocation/largest-remainder";
import { formatMoneyCents, formatMonth } from "@/lib/format/money";
import { mutedText } from "./styles";

/** The check finance relies on: the chargeback adds up to the organization's total to the cent. */
export function ReconciliationCard({ view }: { view: TChargebackView }) {
  const { check, pending } = view;
  return (
    <Card title="Reconciliation">
      <dl className="grid grid-cols-2 gap-2 text-sm">
        <dt className={mutedText}>
          {view.scoped
            ? "Your OUs' chargeback"
            : view.state === "closed"
              ? "Chargeback as issued"
              : "Chargeback total"}
        </dt>
        <dd className="tabular text-right font-semibold" data-testid="chargeback-total">
          {formatMoneyCents(check.chargebackTotal)}
        </dd>
        {check.orgTotal !== null ? (
          <>
            <dt className={mutedText}>
              Organization total{view.state === "closed" ? " (today's data)" : ""}
            </dt>
            <dd className="tabular text-right font-semibold" data-testid="org-total">
              {formatMoneyCents(check.orgTotal)}
            </dd>
          </>
        ) : null}
      </dl>
      {check.reconciles === true ? (
        <p
          className="mt-3 text-sm font-medium text-emerald-700 dark:text-emerald-300"
          data-testid="reconciliation-status"
        >
          ✓ Reconciles to the cent
        </p>
      ) : check.reconciles === false ? (
        <p
          className="mt-3 text-sm font-medium text-amber-800 dark:text-amber-300"
          data-testid="reconciliation-status"
        >
          Differs by{" "}
          {formatMoneyCents(
            formatCents(
              toCentsHalfUp(check.orgTotal ?? "0") - toCentsHalfUp(check.chargebackTotal),
            ),
          )}{" "}
          from today&apos;s data
        </p>
      ) : (
        <p className={`mt-3 ${mutedText}`}>
          Scoped view: the organization&apos;s total is not shown.
        </p>
      )}
      {pending ? (
        <p className={`mt-2 ${mutedText}`} data-testid="pending-adjustment">
          The data changed after closing: {formatMoneyCents(pending.total)} will be charged in{" "}
          {formatMonth(pending.appearsIn)} as an adjustment.
        </p>
      ) : null}
      {check.adjustmentsTotal !== "0.00" ? (
        <p className={`mt-2 ${mutedText}`}>
          Plus adjustments for earlier closed months:{" "}
          <span className="tabular font-medium">{formatMoneyCents(check.adjustmentsTotal)}</span>{" "}
          (listed below, not part of this month&apos;s total).
        </p>
      ) : null}
    </Card>
  );
}
