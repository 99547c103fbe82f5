"use client";

import { ActionError } from "@/components/ui/action-error";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { z } from "zod";
import { Card, Skeleton } from "@/components/ui/card";
import { fetchJson, postJson } from "@/lib/api/fetch-json";
import { ZChargebackOptions } from "@/lib/api/chargeback";
import { buttonClass, inputClass, mutedText, secondaryButtonClass } from "./styles";

/** OU default cost centers (nearest ancestor wins): explicit mappings, and OU cost-center tags as fallback. */
export function OuDefaultsCard({ canEdit }: { canEdit: boolean }) {
  const qc = useQueryClient();
  const options = useQuery({
    queryKey: ["chargeback-options"],
    queryFn: () => fetchJson("/api/v1/chargeback/options", ZChargebackOptions),
  });
  const [ouId, setOuId] = useState("");
  const [costCenter, setCostCenter] = useState("");
  const save = useMutation({
    mutationFn: (cc: string | null) =>
      postJson("/api/v1/chargeback/ou-defaults", z.unknown(), { ouId, costCenter: cc }, "PUT"),
    onSuccess: async () => {
      setCostCenter("");
      await qc.invalidateQueries({ queryKey: ["chargeback-options"] });
      await qc.invalidateQueries({ queryKey: ["chargeback"] });
    },
  });
  const defaults = options.data?.ouDefaults ?? [];
  return (
    <Card title="OU default cost centers">
      <p className={`mb-3 ${mutedText}`}>
        Used for accounts without a cost-center tag: the nearest OU above the account with a default
        wins. An explicit mapping overrides the OU&apos;s own cost-center tag.
      </p>
      {!options.data ? (
        <Skeleton className="h-16 w-full" />
      ) : defaults.length === 0 ? (
        <p className={mutedText}>No OU has a default cost center.</p>
      ) : (
        <ul className="space-y-1 text-sm" data-testid="ou-defaults">
          {defaults.map((d) => (
            <li key={d.ouId} className="flex justify-between gap-2">
              <span>{d.path}</span>
              <span>
                <span className="font-medium">{d.costCenter}</span>{" "}
                <span className={`text-xs ${mutedText}`}>
                  ({d.from === "tag" ? "OU tag" : "mapping"})
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
      {canEdit && options.data ? (
        <div className="mt-4 flex flex-wrap items-end gap-2">
          <label className="flex flex-col gap-1 text-sm">
            OU
            <select className={inputClass} value={ouId} onChange={(e) => setOuId(e.target.value)}>
              <option value="">Pick an OU…</option>
              {options.data.ous.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.path}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-sm">
            Cost center
            <input
              className={inputClass}
              value={costCenter}
              onChange={(e) => setCostCenter(e.target.value)}
              placeholder="CC-1234"
            />
          </label>
          <button
            type="button"
            className={buttonClass}
            disabled={!ouId || !costCenter.trim() || save.isPending}
            onClick={() => save.mutate(costCenter.trim())}
          >
            Set default
          </button>
          <button
            type="button"
            className={secondaryButtonClass}
            disabled={!ouId || save.isPending}
            onClick={() => save.mutate(null)}
          >
            Clear mapping
          </button>
          <ActionError error={save.error} className="w-full" block />
        </div>
      ) : null}
    </Card>
  );
}
