import Link from "next/link";
import type { KeyboardEvent, MouseEvent } from "react";
import type { TOuTreeNode } from "@/lib/api/org";
import type { TreeRow as Row } from "@/lib/domain/org/tree";
import { formatMoney } from "@/lib/format/money";
import { ScoreBadge, SeverityPills } from "./cells";

/**
 * Column template shared by the header and every row, so they line up. On a phone only the columns
 * that matter most stay (name, spend, the critical and high findings); the others return from md up.
 */
export const TREE_COLUMNS =
  "grid grid-cols-[minmax(0,1fr)_5.5rem_3.75rem] md:grid-cols-[minmax(16rem,1fr)_5rem_7.5rem_8.5rem_6.5rem_7rem] items-center justify-items-start gap-x-2 md:gap-x-3";
/** Cells of the columns a phone leaves out. */
export const WIDE_ONLY = "hidden md:block";

/** 20 px per level on a wide screen; on a phone less per level and never more than a quarter of the width. */
const indent = (level: number) => `min(${(level - 1) * 20}px, ${(level - 1) * 2.5}vw, 25vw)`;
export const ROW_HEIGHT = 40;

export interface TreeRowProps {
  row: Row<TOuTreeNode>;
  domId: string;
  active: boolean;
  match: boolean;
  query: string;
  href: string | null;
  policyNames: ReadonlyMap<string, string>;
  top: number;
  onToggle: (id: string) => void;
  onFocusRow: () => void;
  onKeyDown: (e: KeyboardEvent<HTMLDivElement>) => void;
}

export function TreeRow({
  row,
  domId,
  active,
  match,
  query,
  href,
  policyNames,
  top,
  onToggle,
  onFocusRow,
  onKeyDown,
}: TreeRowProps) {
  const { node } = row;
  const isOu = node.kind === "ou";
  const names = (ids: string[]) => ids.map((id) => policyNames.get(id) ?? id).join(", ") || "none";
  // The row's accessible name is its text; these words make it read as a sentence, not a string of numbers.
  const sr = (text: string) => <span className="sr-only">{text}</span>;
  const stop = (e: MouseEvent) => e.stopPropagation();

  return (
    <div
      id={domId}
      role="treeitem"
      aria-level={row.level}
      aria-posinset={row.posInSet}
      aria-setsize={row.setSize}
      aria-expanded={row.hasChildren ? row.expanded : undefined}
      // Selection follows focus: the focused row is the one Enter opens.
      aria-selected={active}
      tabIndex={active ? 0 : -1}
      data-node-id={node.id}
      onKeyDown={onKeyDown}
      onClick={onFocusRow}
      style={{ height: ROW_HEIGHT, transform: `translateY(${top}px)` }}
      className={`${TREE_COLUMNS} absolute inset-x-0 top-0 cursor-default border-b border-slate-100 px-3 text-sm outline-none hover:bg-slate-50 focus-visible:bg-indigo-50 focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-indigo-500 dark:border-slate-800 dark:hover:bg-slate-800/50 dark:focus-visible:bg-indigo-950/60`}
    >
      <div
        className="flex w-full min-w-0 items-center gap-1.5"
        style={{ paddingLeft: indent(row.level) }}
      >
        {row.hasChildren ? (
          <button
            type="button"
            tabIndex={-1}
            aria-hidden
            onClick={(e) => {
              stop(e);
              onToggle(node.id);
              onFocusRow();
            }}
            className="flex h-6 w-6 shrink-0 items-center justify-center rounded text-slate-500 hover:bg-slate-200 dark:hover:bg-slate-700"
          >
            <span
              className={`inline-block transition-transform ${row.expanded ? "rotate-90" : ""}`}
            >
              ▸
            </span>
          </button>
        ) : (
          <span className="w-6 shrink-0" />
        )}
        <span
          aria-hidden
          className={`shrink-0 text-xs ${isOu ? "text-amber-600 dark:text-amber-400" : "text-slate-400"}`}
        >
          {isOu ? "▣" : "◦"}
        </span>
        {href ? (
          <Link
            href={href}
            tabIndex={-1}
            onClick={stop}
            title={node.name}
            className={`min-w-0 truncate hover:underline ${isOu ? "font-medium" : ""}`}
          >
            <Highlighted text={node.name} query={match ? query : ""} />
          </Link>
        ) : (
          <span title={node.name} className={`min-w-0 truncate ${isOu ? "font-medium" : ""}`}>
            <Highlighted text={node.name} query={match ? query : ""} />
          </span>
        )}
        {/* The id gives way before the name when the column is narrow. */}
        {!isOu ? (
          <span className="tabular hidden min-w-0 shrink-[10] truncate text-xs text-slate-500 md:inline dark:text-slate-400">
            {node.id}
          </span>
        ) : null}
        {node.status && node.status !== "ACTIVE" ? (
          <span className="shrink-0 rounded bg-slate-200 px-1 text-[10px] font-medium uppercase text-slate-700 dark:bg-slate-700 dark:text-slate-200">
            {node.status.toLowerCase()}
          </span>
        ) : null}
      </div>
      <span className={`tabular justify-self-end ${WIDE_ONLY}`}>
        <span data-cell="accounts">{isOu ? node.accountCount.toLocaleString("en-US") : ""}</span>
        {sr(isOu ? " accounts," : ",")}
      </span>
      <span className="tabular justify-self-end">
        {sr("spend ")}
        <span data-cell="spend">{formatMoney(node.spend)}</span>
        {sr(",")}
      </span>
      <SeverityPills findings={node.findings} />
      <span className={WIDE_ONLY}>
        {sr(isOu ? ", compliance " : ", ")}
        <ScoreBadge compliant={node.compliantAccounts} total={node.accountCount} kind={node.kind} />
      </span>
      <span
        className={`tabular text-xs text-slate-600 dark:text-slate-400 ${WIDE_ONLY}`}
        title={`Attached: ${names(node.attachedScpIds)}\nInherited: ${names(node.inheritedScpIds)}`}
      >
        {sr(", SCPs: ")}
        {node.attachedScpIds.length} here · {node.inheritedScpIds.length} above
      </span>
    </div>
  );
}

function Highlighted({ text, query }: { text: string; query: string }) {
  const at = query ? text.toLowerCase().indexOf(query.toLowerCase()) : -1;
  if (at < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <mark className="rounded-sm bg-yellow-200 px-0 text-inherit dark:bg-yellow-700/70">
        {text.slice(at, at + query.length)}
      </mark>
      {text.slice(at + query.length)}
    </>
  );
}
