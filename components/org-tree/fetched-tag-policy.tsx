"use client";

import { useQuery } from "@tanstack/react-query";
import { ErrorState, Skeleton } from "@/components/ui/card";
import { fetchJson } from "@/lib/api/fetch-json";
import { ZEffectiveTagPolicyView } from "@/lib/api/org";
import { EffectiveTagPolicy } from "./effective-tag-policy";

/** An account's or an OU's effective tag policy, loaded from `url`: a skeleton, the policy or a retry. */
export function FetchedTagPolicy({
  queryKey,
  url,
  testId,
  skeletonClassName,
}: {
  queryKey: readonly string[];
  url: string;
  testId: string;
  skeletonClassName: string;
}) {
  const q = useQuery({
    queryKey,
    queryFn: () => fetchJson(url, ZEffectiveTagPolicyView),
  });
  return (
    <>
      {q.isError ? (
        <ErrorState
          message={`Could not load the tag policy: ${q.error.message}`}
          onRetry={() => void q.refetch()}
        />
      ) : null}
      {q.data ? (
        <EffectiveTagPolicy policy={q.data} testId={testId} />
      ) : q.isError ? null : (
        <Skeleton className={skeletonClassName} />
      )}
    </>
  );
}
