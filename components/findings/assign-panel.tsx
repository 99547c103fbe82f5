"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { postJson } from "@/lib/api/fetch-json";
import { MAX_OWNER_LENGTH, ZAssignBody, ZAssignResult } from "@/lib/api/findings";

const FIELD =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm font-normal dark:border-slate-700 dark:bg-slate-900";

/**
 * Owner, due date and ticket for the selected findings (one or many). Without a due date each finding
 * gets its severity's default from settings, counted from when it opened. The server re-checks scope.
 */
export function AssignPanel({
  selected,
  defaultOwner,
  onDone,
}: {
  selected: string[];
  defaultOwner: string;
  onDone: () => void;
}) {
  const client = useQueryClient();
  const id = useId();
  const [owner, setOwner] = useState("");
  const [dueAt, setDueAt] = useState("");
  const [ticketUrl, setTicketUrl] = useState("");
  const [formError, setFormError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const save = useMutation({
    mutationFn: (body: {
      ids: string[];
      owner: string | null;
      dueAt?: string;
      ticketUrl?: string;
    }) => postJson("/api/v1/findings/assign", ZAssignResult, body),
    onSuccess: (res, body) => {
      setMessage(
        `${body.owner === null ? "Unassigned" : `Assigned to ${body.owner}:`} ${res.updated} ${res.updated === 1 ? "finding" : "findings"}.`,
      );
      setOwner("");
      setDueAt("");
      setTicketUrl("");
      void client.invalidateQueries({ queryKey: ["findings"] });
      void client.invalidateQueries({ queryKey: ["finding"] });
      onDone();
    },
  });

  const submit = (who: string | null) => {
    const body =
      who === null
        ? { ids: selected, owner: null }
        : {
            ids: selected,
            owner: who,
            ...(dueAt ? { dueAt } : {}),
            ...(ticketUrl.trim() ? { ticketUrl: ticketUrl.trim() } : {}),
          };
    const parsed = ZAssignBody.safeParse(body);
    if (!parsed.success) {
      setFormError(parsed.error.issues.map((i) => i.message).join(" "));
      return;
    }
    setFormError(null);
    setMessage(null);
    save.mutate(body);
  };

  const none = selected.length === 0;
  return (
    <section
      aria-labelledby={`${id}-title`}
      className="rounded-lg border border-slate-200 bg-slate-50 p-3 dark:border-slate-800 dark:bg-slate-950"
      data-testid="assign-panel"
    >
      <h2 id={`${id}-title`} className="text-sm font-medium">
        Assign {selected.length} selected {selected.length === 1 ? "finding" : "findings"}
      </h2>
      <form
        className="mt-2 grid items-end gap-3 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_2fr_auto]"
        onSubmit={(e) => {
          e.preventDefault();
          submit(owner.trim());
        }}
      >
        <label className="block text-xs font-medium text-slate-600 dark:text-slate-400">
          Owner (email or team)
          <input
            className={FIELD}
            value={owner}
            maxLength={MAX_OWNER_LENGTH}
            placeholder={defaultOwner}
            onChange={(e) => setOwner(e.target.value)}
          />
        </label>
        <label className="block text-xs font-medium text-slate-600 dark:text-slate-400">
          Due date (blank: by severity)
          <input
            type="date"
            className={FIELD}
            value={dueAt}
            onChange={(e) => setDueAt(e.target.value)}
          />
        </label>
        <label className="block text-xs font-medium text-slate-600 dark:text-slate-400">
          Ticket link (http or https)
          <input
            type="url"
            className={FIELD}
            value={ticketUrl}
            placeholder="https://tracker.example.com/SEC-123"
            onChange={(e) => setTicketUrl(e.target.value)}
          />
        </label>
        <div className="flex flex-wrap gap-2">
          <button
            type="submit"
            disabled={none || save.isPending}
            className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-60"
          >
            {save.isPending ? "Saving…" : "Assign"}
          </button>
          <button
            type="button"
            disabled={none || save.isPending}
            onClick={() => submit(defaultOwner)}
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-700"
          >
            Assign to me
          </button>
          <button
            type="button"
            disabled={none || save.isPending}
            onClick={() => submit(null)}
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-700"
          >
            Unassign
          </button>
        </div>
      </form>
      {formError || save.isError ? (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">
          {formError ?? save.error?.message}
        </p>
      ) : null}
      {message ? (
        <p role="status" className="mt-2 text-sm text-emerald-800 dark:text-emerald-300">
          {message}
        </p>
      ) : null}
    </section>
  );
}
