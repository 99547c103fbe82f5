"use client";

import { useQuery } from "@tanstack/react-query";
import { ErrorState, Skeleton } from "@/components/ui/card";
import { fetchJson } from "@/lib/api/fetch-json";
import { ZEffectiveTagPolicyView } from "@/lib/api/org";
import { EffectiveTagPolicy } from "./effective-tag-policy";

/** The focused OU's effective tag policy, in the OU panel. */
export function OuTagPolicy({ ouId }: { ouId: string }) {
  const q = useQuery({
    queryKey: ["ou-tag-policy", ouId],
    queryFn: () =>
      fetchJson(`/api/v1/ou-tree/${encodeURIComponent(ouId)}/tag-policy`, ZEffectiveTagPolicyView),
  });
  return (
    <div className="mt-4">
      <h3 className="text-sm font-medium text-slate-700 dark:text-slate-300">
        Effective tag policy
      </h3>
      {q.isError ? (
        <ErrorState
          message={`Could not load the tag policy: ${q.error.message}`}
          onRetry={() => void q.refetch()}
        />
      ) : null}
      {q.data ? (
        <EffectiveTagPolicy policy={q.data} testId="ou-tag-policy" />
      ) : q.isError ? null : (
        <Skeleton className="mt-1 h-16 w-full" />
      )}
    </div>
  );
}
