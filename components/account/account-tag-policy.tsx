"use client";

import { useQuery } from "@tanstack/react-query";
import { EffectiveTagPolicy } from "@/components/org-tree/effective-tag-policy";
import { ErrorState, Skeleton } from "@/components/ui/card";
import { fetchJson } from "@/lib/api/fetch-json";
import { ZEffectiveTagPolicyView } from "@/lib/api/org";
import { Section } from "./section";

/** The tag policy in force on the account: what its resources' tags must look like, and who said so. */
export function AccountTagPolicy({ accountId }: { accountId: string }) {
  const q = useQuery({
    queryKey: ["account-tag-policy", accountId],
    queryFn: () => fetchJson(`/api/v1/accounts/${accountId}/tag-policy`, ZEffectiveTagPolicyView),
  });
  return (
    <Section
      id="tag-policy-title"
      title="Effective tag policy"
      note="Tag policies from the root, its OUs and the account, merged as AWS does"
    >
      {q.isError ? (
        <ErrorState
          message={`Could not load the tag policy: ${q.error.message}`}
          onRetry={() => void q.refetch()}
        />
      ) : null}
      {q.data ? (
        <EffectiveTagPolicy policy={q.data} testId="account-tag-policy" />
      ) : q.isError ? null : (
        <Skeleton className="h-16 w-full" />
      )}
    </Section>
  );
}
