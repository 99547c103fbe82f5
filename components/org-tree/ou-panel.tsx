import Link from "next/link";
import type { TOuTreeNode, TPolicySummary } from "@/lib/api/org";
import { OuSecurityHub } from "./ou-security-hub";
import { OuTagPolicy } from "./ou-tag-policy";

export interface OuPanelProps {
  node: TOuTreeNode;
  /** From the top of the caller's view down to the node's parent. */
  ancestors: readonly TOuTreeNode[];
  policies: ReadonlyMap<string, TPolicySummary>;
  hrefFor: (ouId: string | null) => string;
}

/** The focused OU: where it sits, which SCPs apply to it (attached here, inherited from above) and its effective tag policy. */
export function OuPanel({ node, ancestors, policies, hrefFor }: OuPanelProps) {
  return (
    <section
      aria-labelledby="ou-panel-title"
      className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <nav aria-label="OU path" className="text-xs text-slate-600 dark:text-slate-400">
        <ol className="flex flex-wrap items-center gap-1">
          <li>
            <Link href={hrefFor(null)} className="underline-offset-2 hover:underline">
              Whole organization
            </Link>
          </li>
          {ancestors.map((a) => (
            <li key={a.id} className="flex items-center gap-1">
              <span aria-hidden>/</span>
              <Link href={hrefFor(a.id)} className="underline-offset-2 hover:underline">
                {a.name}
              </Link>
            </li>
          ))}
        </ol>
      </nav>
      <h2 id="ou-panel-title" className="mt-1 text-lg font-semibold">
        {node.name}{" "}
        <span className="text-sm font-normal text-slate-500 dark:text-slate-400">{node.id}</span>
      </h2>
      <div className="mt-3 grid gap-4 md:grid-cols-2">
        <PolicyList
          title="SCPs attached here"
          ids={node.attachedScpIds}
          policies={policies}
          testId="scps-attached"
        />
        <PolicyList
          title="SCPs inherited from above"
          ids={node.inheritedScpIds}
          policies={policies}
          testId="scps-inherited"
        />
      </div>
      <OuTagPolicy ouId={node.id} />
      <OuSecurityHub hub={node.securityHub} accountCount={node.accountCount} />
    </section>
  );
}

function PolicyList({
  title,
  ids,
  policies,
  testId,
}: {
  title: string;
  ids: readonly string[];
  policies: ReadonlyMap<string, TPolicySummary>;
  testId: string;
}) {
  return (
    <div>
      <h3 className="text-sm font-medium text-slate-700 dark:text-slate-300">{title}</h3>
      {ids.length ? (
        <ul className="mt-1 flex flex-wrap gap-1.5" data-testid={testId}>
          {ids.map((id) => {
            const p = policies.get(id);
            return (
              <li
                key={id}
                title={p?.description || undefined}
                className="rounded-md border border-slate-200 px-2 py-0.5 text-xs dark:border-slate-700"
              >
                {p?.name ?? id}
                {p?.awsManaged ? (
                  <span className="ml-1 text-slate-500 dark:text-slate-400">(AWS managed)</span>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="mt-1 text-xs text-slate-500 dark:text-slate-400" data-testid={testId}>
          None
        </p>
      )}
    </div>
  );
}
