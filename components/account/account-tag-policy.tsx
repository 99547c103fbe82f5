"use client";

import { FetchedTagPolicy } from "@/components/org-tree/fetched-tag-policy";
import { Section } from "./section";

/** The tag policy in force on the account: what its resources' tags must look like, and who said so. */
export function AccountTagPolicy({ accountId }: { accountId: string }) {
  return (
    <Section
      id="tag-policy-title"
      title="Effective tag policy"
      note="Tag policies from the root, its OUs and the account, merged as AWS does"
    >
      <FetchedTagPolicy
        queryKey={["account-tag-policy", accountId]}
        url={`/api/v1/accounts/${accountId}/tag-policy`}
        testId="account-tag-policy"
        skeletonClassName="h-16 w-full"
      />
    </Section>
  );
}
