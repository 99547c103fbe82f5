"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useState } from "react";
import { z } from "zod";
import { fetchJson, postJson } from "@/lib/api/fetch-json";
import {
  ZSavedView,
  ZSavedViewList,
  type TSavedView,
  type TSavedViewPatch,
} from "@/lib/api/saved-views";
import type { TViewPage } from "@/lib/domain/saved-views";

const FIELD =
  "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900";
const SMALL_BUTTON =
  "rounded border border-slate-300 px-1.5 py-0.5 text-xs hover:bg-slate-50 disabled:opacity-50 dark:border-slate-700 dark:hover:bg-slate-800";

export const savedViewsKey = (page?: TViewPage) => ["saved-views", page ?? "all"] as const;

/**
 * Save the page's current URL state under a name (private, or shared with everyone), open a saved one,
 * and manage one's own: rename, share, pin to the overview, delete. The server decides what is visible.
 */
export function SavedViewsMenu({ page, canShare }: { page: TViewPage; canShare: boolean }) {
  const client = useQueryClient();
  const id = useId();
  const [name, setName] = useState("");
  const [shared, setShared] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const views = useQuery({
    queryKey: savedViewsKey(page),
    queryFn: () => fetchJson(`/api/v1/views?page=${page}`, ZSavedViewList),
  });
  const refresh = () => client.invalidateQueries({ queryKey: ["saved-views"] });

  const save = useMutation({
    mutationFn: () =>
      postJson("/api/v1/views", ZSavedView, {
        page,
        name,
        shared,
        query: window.location.search,
      }),
    onSuccess: (view) => {
      setMessage(`Saved "${view.name}".`);
      setName("");
      setShared(false);
      void refresh();
    },
  });

  const items = views.data?.items ?? [];
  return (
    <details className="relative" data-testid="saved-views">
      <summary className="cursor-pointer list-none rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800">
        Saved views{views.data ? ` (${items.length})` : ""}
      </summary>
      <div className="absolute left-0 z-20 mt-1 w-96 max-w-[calc(100vw-2rem)] sm:left-auto sm:right-0 space-y-3 rounded-lg border border-slate-200 bg-white p-3 shadow-lg dark:border-slate-700 dark:bg-slate-900">
        {views.isPending ? <p className="text-sm text-slate-500">Loading saved views…</p> : null}
        {views.isError ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            Could not load saved views: {views.error.message}
          </p>
        ) : null}
        {views.data && items.length === 0 ? (
          <p className="text-sm text-slate-500 dark:text-slate-400">
            No saved views on this page yet.
          </p>
        ) : null}
        {items.length > 0 ? (
          <ul className="max-h-72 space-y-2 overflow-y-auto" aria-label="Saved views">
            {items.map((v) => (
              <ViewItem key={v.id} view={v} canShare={canShare} onChanged={refresh} />
            ))}
          </ul>
        ) : null}
        <form
          className="space-y-2 border-t border-slate-200 pt-3 dark:border-slate-700"
          onSubmit={(e) => {
            e.preventDefault();
            setMessage(null);
            save.mutate();
          }}
        >
          <label htmlFor={`${id}-name`} className="block text-xs font-medium">
            Save this view as
          </label>
          <div className="flex gap-2">
            <input
              id={`${id}-name`}
              className={`${FIELD} min-w-0 flex-1`}
              value={name}
              maxLength={80}
              onChange={(e) => setName(e.target.value)}
            />
            <button
              type="submit"
              disabled={save.isPending}
              className="rounded-md bg-indigo-600 px-3 py-1 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-50"
            >
              {save.isPending ? "Saving…" : "Save"}
            </button>
          </div>
          {canShare ? (
            <label className="flex items-center gap-2 text-xs">
              <input
                type="checkbox"
                checked={shared}
                onChange={(e) => setShared(e.target.checked)}
              />
              Share with everyone in the organization
            </label>
          ) : null}
          {save.isError ? (
            <p role="alert" className="text-sm text-red-700 dark:text-red-400">
              {save.error.message}
            </p>
          ) : null}
          {message ? (
            <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">
              {message}
            </p>
          ) : null}
        </form>
      </div>
    </details>
  );
}

function ViewItem({
  view,
  canShare,
  onChanged,
}: {
  view: TSavedView;
  canShare: boolean;
  onChanged: () => Promise<void>;
}) {
  const id = useId();
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(view.name);
  const change = useMutation({
    mutationFn: (patch: TSavedViewPatch) =>
      postJson(`/api/v1/views/${view.id}`, ZSavedView, patch, "PATCH"),
    onSuccess: () => {
      setRenaming(false);
      void onChanged();
    },
  });
  const remove = useMutation({
    mutationFn: () =>
      fetchJson(`/api/v1/views/${view.id}`, z.object({ id: z.string() }), { method: "DELETE" }),
    onSuccess: () => void onChanged(),
  });
  const busy = change.isPending || remove.isPending;
  const error = change.error ?? remove.error;

  return (
    <li
      className="rounded-md border border-slate-100 p-2 dark:border-slate-800"
      data-view-id={view.id}
    >
      {renaming ? (
        <form
          className="flex gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            change.mutate({ name });
          }}
        >
          <label htmlFor={`${id}-rename`} className="sr-only">
            New name for {view.name}
          </label>
          <input
            id={`${id}-rename`}
            className={`${FIELD} min-w-0 flex-1`}
            value={name}
            maxLength={80}
            onChange={(e) => setName(e.target.value)}
          />
          <button type="submit" className={SMALL_BUTTON} disabled={busy}>
            Save name
          </button>
          <button type="button" className={SMALL_BUTTON} onClick={() => setRenaming(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <Link
            href={view.href}
            className="min-w-0 flex-1 truncate text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300"
          >
            {view.name}
          </Link>
          <span className="text-xs text-slate-500 dark:text-slate-400">
            {view.mine ? (view.shared ? "shared" : "private") : `shared by ${view.owner}`}
          </span>
        </div>
      )}
      <div className="mt-1 flex flex-wrap gap-1">
        <button
          type="button"
          className={SMALL_BUTTON}
          disabled={busy}
          aria-pressed={view.pinned}
          aria-label={`${view.pinned ? "Unpin" : "Pin to overview"}: ${view.name}`}
          onClick={() => change.mutate({ pinned: !view.pinned })}
        >
          {view.pinned ? "Unpin" : "Pin to overview"}
        </button>
        {view.mine ? (
          <>
            <button
              type="button"
              className={SMALL_BUTTON}
              disabled={busy}
              aria-label={`Rename: ${view.name}`}
              onClick={() => {
                setName(view.name);
                setRenaming(true);
              }}
            >
              Rename
            </button>
            {canShare || view.shared ? (
              <button
                type="button"
                className={SMALL_BUTTON}
                disabled={busy}
                aria-label={`${view.shared ? "Make private" : "Share"}: ${view.name}`}
                onClick={() => change.mutate({ shared: !view.shared })}
              >
                {view.shared ? "Make private" : "Share"}
              </button>
            ) : null}
            <button
              type="button"
              className={SMALL_BUTTON}
              disabled={busy}
              aria-label={`Delete: ${view.name}`}
              onClick={() => remove.mutate()}
            >
              Delete
            </button>
          </>
        ) : null}
      </div>
      {error ? (
        <p role="alert" className="mt-1 text-xs text-red-700 dark:text-red-400">
          {error.message}
        </p>
      ) : null}
    </li>
  );
}
