// Saved views: which pages can be saved, where each lives (and the permission that opens it, a key of
// lib/auth/roles PERMISSIONS), and the one way a saved query becomes a link.
export const VIEW_PAGES = {
  costs: { path: "/costs", label: "Showback", permission: "dashboard:read" },
  findings: { path: "/findings", label: "Findings", permission: "data:read" },
  anomalies: { path: "/anomalies", label: "Anomalies", permission: "data:read" },
} as const satisfies Record<string, { path: string; label: string; permission: string }>;

export type TViewPage = keyof typeof VIEW_PAGES;
export const VIEW_PAGE_IDS = Object.keys(VIEW_PAGES) as [TViewPage, ...TViewPage[]];

/** Views one person may keep (across pages): plenty for people, a wall for a loop. */
export const MAX_VIEWS_PER_OWNER = 200;
export const MAX_VIEW_QUERY_LENGTH = 2_000;

/**
 * A page's URL query as stored: without "?", empty values dropped, keys in a stable order, so the same
 * view saved twice is the same string. Only the query is kept — the path always comes from the page id,
 * so a saved view can never point anywhere else.
 */
export function normalizeViewQuery(query: string): string {
  const params = new URLSearchParams(query.startsWith("?") ? query.slice(1) : query);
  const kept = [...params.entries()].filter(([k, v]) => k !== "" && v !== "");
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return new URLSearchParams(kept).toString();
}

export function viewHref(page: TViewPage, query: string): string {
  const { path } = VIEW_PAGES[page];
  return query ? `${path}?${query}` : path;
}
