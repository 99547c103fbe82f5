// Wire contracts of saved views: save a list page's URL state under a name, private or shared; rename,
// share, pin to the overview, delete.
import { z } from "zod";
import { MAX_VIEW_QUERY_LENGTH, normalizeViewQuery, VIEW_PAGE_IDS } from "@/lib/domain/saved-views";

export const ZViewPage = z.enum(VIEW_PAGE_IDS, { error: "Unknown page." });

export const ZViewName = z
  .string({ error: "Give the view a name." })
  .trim()
  .min(1, "Give the view a name.")
  .max(80, "A name is at most 80 characters.")
  .refine((s) => !/\p{Cc}/u.test(s), "A name cannot contain control characters.");

const ZViewQuery = z
  .string()
  .max(MAX_VIEW_QUERY_LENGTH, `A view's address is at most ${MAX_VIEW_QUERY_LENGTH} characters.`)
  .refine((s) => !/\p{Cc}/u.test(s), "The address cannot contain control characters.")
  .transform(normalizeViewQuery);

export const ZSavedViewInput = z.object({
  page: ZViewPage,
  name: ZViewName,
  query: ZViewQuery,
  shared: z.boolean().default(false),
});
export type TSavedViewInput = z.infer<typeof ZSavedViewInput>;

export const ZSavedViewPatch = z
  .object({
    name: ZViewName.optional(),
    shared: z.boolean().optional(),
    /** Show it on (or take it off) the caller's own overview. */
    pinned: z.boolean().optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), "Nothing to change.");
export type TSavedViewPatch = z.infer<typeof ZSavedViewPatch>;

export const ZSavedViewParams = z.object({ id: z.uuid() });
export const ZSavedViewQuery = z.object({
  page: ZViewPage.optional(),
  /** Only those the caller pinned to their overview. */
  pinned: z.literal("1").optional(),
});

export const ZSavedView = z.object({
  id: z.string(),
  page: ZViewPage,
  name: z.string(),
  query: z.string(),
  /** The page's path with the query: always one of OrgLens's own pages. */
  href: z.string(),
  owner: z.string(),
  shared: z.boolean(),
  /** The caller saved it: they may rename, share and delete it. */
  mine: z.boolean(),
  /** On the caller's overview. */
  pinned: z.boolean(),
  updatedAt: z.string(),
});
export type TSavedView = z.infer<typeof ZSavedView>;
export const ZSavedViewList = z.object({ items: z.array(ZSavedView) });
