"use client";

import { ActionError } from "@/components/ui/action-error";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { z } from "zod";
import { Card } from "@/components/ui/card";
import type { TChargebackView } from "@/lib/api/chargeback";
import {
  ALLOCATION_SOURCES,
  ALLOCATION_SOURCE_LABELS,
  COST_METRICS,
  type TAllocationSource,
  type TCostMetric,
} from "@/lib/domain/allocation/settings";
import { postJson } from "@/lib/api/fetch-json";
import { buttonClass, inputClass, mutedText, secondaryButtonClass } from "./styles";

const METRIC_LABEL: Record<TCostMetric, string> = {
  unblended: "Unblended",
  amortized: "Amortized",
  net: "Net unblended",
};

/** Where a cost's cost center comes from, in order; admins can reorder, drop sources and pick the metric. */
export function AllocationOrderCard({
  view,
  canEdit,
}: {
  view: TChargebackView;
  canEdit: boolean;
}) {
  const qc = useQueryClient();
  const [draft, setDraft] = useState<{ order: TAllocationSource[]; metric: TCostMetric } | null>(
    null,
  );
  const save = useMutation({
    mutationFn: (d: { order: TAllocationSource[]; metric: TCostMetric }) =>
      postJson(
        "/api/v1/chargeback/settings",
        z.unknown(),
        {
          allocationOrder: d.order,
          costMetric: d.metric,
        },
        "PUT",
      ),
    onSuccess: async () => {
      setDraft(null);
      await qc.invalidateQueries({ queryKey: ["chargeback"] });
    },
  });
  const order = draft?.order ?? view.settings.allocationOrder;
  const label = (s: TAllocationSource) =>
    s === "accountTag" || s === "tagSplit"
      ? `${ALLOCATION_SOURCE_LABELS[s]} (${view.settings.costCenterTagKey})`
      : ALLOCATION_SOURCE_LABELS[s];
  const move = (i: number, by: number) => {
    const next = [...order];
    const [item] = next.splice(i, 1);
    if (item) next.splice(i + by, 0, item);
    setDraft({ order: next, metric: draft?.metric ?? view.settings.costMetric });
  };
  const unused = ALLOCATION_SOURCES.filter((s) => !order.includes(s));
  return (
    <Card title="Allocation order">
      <ol className="space-y-1 text-sm" data-testid="allocation-order">
        {order.map((s, i) => (
          <li key={s} className="flex items-center justify-between gap-2">
            <span>
              {i + 1}. {label(s)}
            </span>
            {draft ? (
              <span className="flex gap-1">
                <button
                  type="button"
                  className="px-1 text-xs underline disabled:opacity-40"
                  disabled={i === 0}
                  onClick={() => move(i, -1)}
                  aria-label={`Move ${ALLOCATION_SOURCE_LABELS[s]} up`}
                >
                  Up
                </button>
                <button
                  type="button"
                  className="px-1 text-xs underline disabled:opacity-40"
                  disabled={i === order.length - 1}
                  onClick={() => move(i, 1)}
                  aria-label={`Move ${ALLOCATION_SOURCE_LABELS[s]} down`}
                >
                  Down
                </button>
                <button
                  type="button"
                  className="px-1 text-xs underline"
                  onClick={() =>
                    setDraft({ order: order.filter((x) => x !== s), metric: draft.metric })
                  }
                  aria-label={`Remove ${ALLOCATION_SOURCE_LABELS[s]}`}
                >
                  Remove
                </button>
              </span>
            ) : null}
          </li>
        ))}
        <li className={mutedText}>
          {order.length + 1}. Otherwise: <code>unallocated</code>
        </li>
      </ol>
      {draft ? (
        <div className="mt-3 space-y-2">
          {unused.map((s) => (
            <button
              key={s}
              type="button"
              className="mr-2 text-xs underline"
              onClick={() => setDraft({ order: [...order, s], metric: draft.metric })}
            >
              Add {ALLOCATION_SOURCE_LABELS[s]}
            </button>
          ))}
          <label className="flex items-center gap-2 text-sm">
            Cost metric
            <select
              className={inputClass}
              value={draft.metric}
              onChange={(e) =>
                setDraft({ order, metric: z.enum(COST_METRICS).parse(e.target.value) })
              }
            >
              {COST_METRICS.map((m) => (
                <option key={m} value={m}>
                  {METRIC_LABEL[m]}
                </option>
              ))}
            </select>
          </label>
          <p className={`text-xs ${mutedText}`}>
            Open months follow at once; closed months stay as issued and any difference is charged
            as an adjustment.
          </p>
          <div className="flex gap-2">
            <button
              type="button"
              className={buttonClass}
              disabled={save.isPending}
              onClick={() => save.mutate(draft)}
            >
              Save order
            </button>
            <button type="button" className={secondaryButtonClass} onClick={() => setDraft(null)}>
              Cancel
            </button>
          </div>
          <ActionError error={save.error} block />
        </div>
      ) : (
        <p className={`mt-3 text-sm ${mutedText}`}>
          Metric: {METRIC_LABEL[view.settings.costMetric]} cost.{" "}
          {canEdit ? (
            <button
              type="button"
              className="underline"
              onClick={() => setDraft({ order: [...order], metric: view.settings.costMetric })}
            >
              Change
            </button>
          ) : null}
        </p>
      )}
    </Card>
  );
}
