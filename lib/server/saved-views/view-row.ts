// A stored saved view as the API shows it to one caller.
import "server-only";
import type { TSavedView } from "@/lib/api/saved-views";
import { VIEW_PAGE_IDS, viewHref, type TViewPage } from "@/lib/domain/saved-views";
import type { Principal } from "@/lib/domain/access";
import { can } from "@/lib/auth/roles";
import { VIEW_PAGES } from "@/lib/domain/saved-views";

export interface StoredView {
  id: string;
  page: string;
  name: string;
  query: string;
  owner: string;
  shared: boolean;
  updatedAt: Date;
}

export const callerKey = (p: Pick<Principal, "email">) => p.email.trim().toLowerCase();

const isPage = (page: string): page is TViewPage => (VIEW_PAGE_IDS as string[]).includes(page);

/** The pages whose views the caller may see: those their role may open. */
export function pagesFor(p: Pick<Principal, "role">): TViewPage[] {
  return VIEW_PAGE_IDS.filter((page) => can(p.role, VIEW_PAGES[page].permission));
}

/** Theirs, or shared, on a page they may open; anything else does not exist for them. */
export function isVisible(p: Pick<Principal, "email" | "role">, v: StoredView): boolean {
  return isPage(v.page) && pagesFor(p).includes(v.page) && (v.owner === callerKey(p) || v.shared);
}

export function toSavedView(
  p: Pick<Principal, "email">,
  v: StoredView,
  pinned: boolean,
): TSavedView {
  const page = v.page as TViewPage;
  return {
    id: v.id,
    page,
    name: v.name,
    query: v.query,
    href: viewHref(page, v.query),
    owner: v.owner,
    shared: v.shared,
    mine: v.owner === callerKey(p),
    pinned,
    updatedAt: v.updatedAt.toISOString(),
  };
}
