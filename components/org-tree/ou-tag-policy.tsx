"use client";

import { FetchedTagPolicy } from "./fetched-tag-policy";

/** The focused OU's effective tag policy, in the OU panel. */
export function OuTagPolicy({ ouId }: { ouId: string }) {
  return (
    <div className="mt-4">
      <h3 className="text-sm font-medium text-slate-700 dark:text-slate-300">
        Effective tag policy
      </h3>
      <FetchedTagPolicy
        queryKey={["ou-tag-policy", ouId]}
        url={`/api/v1/ou-tree/${encodeURIComponent(ouId)}/tag-policy`}
        testId="ou-tag-policy"
        skeletonClassName="mt-1 h-16 w-full"
      />
    </div>
  );
}
