"use client";

import { defaultRangeExtractor, useVirtualizer, type Range } from "@tanstack/react-virtual";
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from "react";
import type { TOuTreeNode } from "@/lib/api/org";
import type { TreeRow as Row } from "@/lib/domain/org/tree";
import { treeKeyAction } from "@/lib/domain/org/tree-keys";
import { ROW_HEIGHT, TREE_COLUMNS, TreeRow, WIDE_ONLY } from "./tree-row";

export interface OrgTreeProps {
  rows: readonly Row<TOuTreeNode>[];
  label: string;
  spendHeader: string;
  matches: ReadonlySet<string>;
  query: string;
  policyNames: ReadonlyMap<string, string>;
  hrefFor: (node: TOuTreeNode) => string | null;
  onToggle: (id: string) => void;
  onExpand: (ids: string[]) => void;
  onCollapse: (id: string) => void;
  onActivate: (node: TOuTreeNode) => void;
}

const domId = (id: string) => `org-node-${id}`;

/**
 * The WAI-ARIA tree pattern over a virtualized flat list: only the rows in view (and the focused one)
 * are in the DOM; aria-level/posinset/setsize tell assistive technology where each row sits.
 */
export function OrgTree({
  rows,
  label,
  spendHeader,
  matches,
  query,
  policyNames,
  hrefFor,
  onToggle,
  onExpand,
  onCollapse,
  onActivate,
}: OrgTreeProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const focusAfterRender = useRef(false);
  const foundIndex = activeId === null ? -1 : rows.findIndex((r) => r.node.id === activeId);
  const activeIndex = foundIndex === -1 ? 0 : foundIndex;

  // The focused row stays rendered while scrolled away, so keyboard focus is never dropped.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      return indexes.includes(activeIndex) || activeIndex >= range.count
        ? indexes
        : [...indexes, activeIndex].sort((a, b) => a - b);
    },
    [activeIndex],
  );
  // The app does not use the React Compiler; the virtualizer's unmemoizable functions are fine here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    rangeExtractor,
    getItemKey: (i) => rows[i]?.node.id ?? i,
  });

  const focusRow = (index: number) => {
    const row = rows[index];
    if (!row) return;
    focusAfterRender.current = true;
    setActiveId(row.node.id);
    virtualizer.scrollToIndex(index, { align: "auto" });
  };

  useEffect(() => {
    if (!focusAfterRender.current) return;
    focusAfterRender.current = false;
    const id = rows[activeIndex]?.node.id;
    if (id) document.getElementById(domId(id))?.focus({ preventScroll: true });
  });

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const action = treeKeyAction(rows, activeIndex, e.key);
    if (!action) return;
    e.preventDefault();
    if (action.type === "focus") focusRow(action.index);
    else if (action.type === "expand") onExpand(action.ids);
    else if (action.type === "collapse") onCollapse(action.id);
    else {
      const node = rows[action.index]?.node;
      if (node) onActivate(node);
    }
  };

  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <div className="md:min-w-[56rem]">
        <div
          aria-hidden
          className={`${TREE_COLUMNS} border-b border-slate-200 px-3 py-2 text-xs font-medium text-slate-600 dark:border-slate-800 dark:text-slate-400`}
        >
          <span className="pl-8">Name</span>
          <span className={`justify-self-end ${WIDE_ONLY}`}>Accounts</span>
          <span className="justify-self-end">{spendHeader}</span>
          <span>
            <span className="md:hidden">Findings</span>
            <span className="hidden md:inline">Open findings</span>
          </span>
          <span
            className={WIDE_ONLY}
            title="Share of the subtree's accounts with no open critical or high finding"
          >
            Compliance
          </span>
          <span className={WIDE_ONLY} title="SCPs attached here · inherited from above">
            SCPs
          </span>
        </div>
        <div
          ref={scrollRef}
          className="h-[min(36rem,calc(100vh-16rem))] min-h-80 overflow-y-auto"
          data-testid="org-tree-scroll"
        >
          <div
            role="tree"
            aria-label={label}
            className="relative"
            style={{ height: virtualizer.getTotalSize() }}
          >
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index];
              if (!row) return null;
              return (
                <TreeRow
                  key={row.node.id}
                  row={row}
                  domId={domId(row.node.id)}
                  active={item.index === activeIndex}
                  match={matches.has(row.node.id)}
                  query={query}
                  href={hrefFor(row.node)}
                  policyNames={policyNames}
                  top={item.start}
                  onToggle={onToggle}
                  onFocusRow={() => focusRow(item.index)}
                  onKeyDown={onKeyDown}
                />
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}
