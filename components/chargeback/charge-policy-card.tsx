"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { z } from "zod";
import { ActionError } from "@/components/ui/action-error";
import { Card } from "@/components/ui/card";
import type { TChargebackView } from "@/lib/api/chargeback";
import { postJson } from "@/lib/api/fetch-json";
import { POLICY_GROUPS, type TPolicyGroup } from "@/lib/domain/allocation/charge-policy";
import { CHARGE_POLICIES, type TChargePolicy } from "@/lib/domain/costs/charge-types";
import { formatMoneyCents } from "@/lib/format/money";
import { buttonClass, inputClass, mutedText, secondaryButtonClass } from "./styles";

type Policies = TChargebackView["settings"]["chargePolicies"];

const GROUP_LABEL: Record<TPolicyGroup | "usage", string> = {
  usage: "Usage",
  credits: "Credits and refunds",
  commitments: "Commitment fees (Savings Plans, RIs)",
  tax: "Tax",
  support: "Support",
};

export const POLICY_LABEL: Record<TChargePolicy, string> = {
  "follow-usage": "Follows usage: on the account's own lines, split like its usage",
  "own-line": "Own line: charged whole to the account's cost center, shown apart",
  "split-by-usage": "Split by usage: pooled and spread over every account by its usage",
};

/** What chargeback does with each charge type, and this month's figures for each. */
export function ChargePolicyCard({ view, canEdit }: { view: TChargebackView; canEdit: boolean }) {
  const qc = useQueryClient();
  const [draft, setDraft] = useState<Policies | null>(null);
  const save = useMutation({
    mutationFn: (p: Policies) =>
      postJson("/api/v1/chargeback/charge-policies", z.unknown(), p, "PUT"),
    onSuccess: async () => {
      setDraft(null);
      await qc.invalidateQueries({ queryKey: ["chargeback"] });
    },
  });
  const totals = view.charges.totals;
  const pool = (g: TPolicyGroup) => view.charges.pools.find((p) => p.group === g)?.amount;
  const policies = draft ?? view.settings.chargePolicies;
  return (
    <Card title="Charge types">
      <table className="w-full text-sm" data-testid="charge-policies">
        <caption className="sr-only">
          Chargeback policy and this month&apos;s amount per charge type
        </caption>
        <thead>
          <tr className="text-left">
            <th scope="col" className="py-1 font-medium">
              Charge type
            </th>
            <th scope="col" className="py-1 font-medium">
              Policy
            </th>
            <th scope="col" className="py-1 text-right font-medium">
              {view.scoped ? "Your OUs" : "This month"}
            </th>
          </tr>
        </thead>
        <tbody>
          <tr data-testid="charge-usage">
            <th scope="row" className="py-1 pr-2 text-left font-normal">
              {GROUP_LABEL.usage}
            </th>
            <td className={`py-1 pr-2 ${mutedText}`}>Charged to the account that used it</td>
            <td className="tabular py-1 text-right" data-testid="charge-amount">
              {totals ? formatMoneyCents(totals.usage) : "–"}
            </td>
          </tr>
          {POLICY_GROUPS.map((g) => (
            <tr key={g} data-testid={`charge-${g}`}>
              <th scope="row" className="py-1 pr-2 text-left font-normal">
                {GROUP_LABEL[g]}
              </th>
              <td className="py-1 pr-2">
                {draft ? (
                  <select
                    className={`${inputClass} w-full`}
                    aria-label={`Policy for ${GROUP_LABEL[g]}`}
                    value={policies[g]}
                    onChange={(e) =>
                      setDraft({ ...policies, [g]: z.enum(CHARGE_POLICIES).parse(e.target.value) })
                    }
                  >
                    {CHARGE_POLICIES.map((p) => (
                      <option key={p} value={p}>
                        {POLICY_LABEL[p]}
                      </option>
                    ))}
                  </select>
                ) : (
                  <span className={mutedText} data-testid="charge-policy">
                    {POLICY_LABEL[policies[g]]}
                    {pool(g) !== undefined ? ` (pool ${formatMoneyCents(pool(g) ?? "0")})` : ""}
                  </span>
                )}
              </td>
              <td className="tabular py-1 text-right" data-testid="charge-amount">
                {totals ? formatMoneyCents(totals[g]) : "–"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className={`mt-2 text-xs ${mutedText}`}>
        {totals
          ? "Every line keeps these parts apart (columns at the end of the CSV); they add up to its direct cost."
          : "This month was issued before charge types were split: its lines have no breakdown."}{" "}
        Closed months keep the policies they were issued with; a change applies to open months only.
      </p>
      {draft ? (
        <div className="mt-3 flex flex-wrap gap-2">
          <button
            type="button"
            className={buttonClass}
            disabled={save.isPending}
            onClick={() => save.mutate(draft)}
          >
            Save policies
          </button>
          <button type="button" className={secondaryButtonClass} onClick={() => setDraft(null)}>
            Cancel
          </button>
          <ActionError error={save.error} block />
        </div>
      ) : canEdit ? (
        <button
          type="button"
          className="mt-3 text-sm underline"
          onClick={() => setDraft({ ...view.settings.chargePolicies })}
        >
          Change policies
        </button>
      ) : null}
    </Card>
  );
}
