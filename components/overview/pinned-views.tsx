"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { fetchJson } from "@/lib/api/fetch-json";
import { ZSavedViewList } from "@/lib/api/saved-views";
import { VIEW_PAGES } from "@/lib/domain/saved-views";

/** The saved views the signed-in person pinned to their overview; nothing at all when there are none. */
export function PinnedViews() {
  const q = useQuery({
    queryKey: ["saved-views", "pinned"],
    queryFn: () => fetchJson("/api/v1/views?pinned=1", ZSavedViewList),
  });
  const items = q.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card title="Pinned views">
      <ul className="flex flex-wrap gap-2" data-testid="pinned-views">
        {items.map((v) => (
          <li key={v.id}>
            <Link
              href={v.href}
              className="inline-flex items-center gap-1 rounded-md border border-slate-300 px-2.5 py-1 text-sm hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800"
            >
              <span className="text-xs text-slate-500 dark:text-slate-400">
                {VIEW_PAGES[v.page].label}:
              </span>
              {v.name}
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}
