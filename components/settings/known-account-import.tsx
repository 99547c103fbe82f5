"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { ActionError } from "@/components/ui/action-error";
import { Card } from "@/components/ui/card";
import { ApiError, postJson } from "@/lib/api/fetch-json";
import { ZImportRejected, ZKnownAccountImportResult } from "@/lib/api/known-accounts";

/** Upload of a CMDB export; a rejected file lists each bad row with its line, nothing imported. */
export function KnownAccountImport({ onImported }: { onImported: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const run = useMutation({
    mutationFn: async (f: File) =>
      postJson("/api/v1/known-accounts/import", ZKnownAccountImportResult, { csv: await f.text() }),
    onSuccess: onImported,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (file) run.mutate(file);
  };
  const rejected =
    run.error instanceof ApiError ? ZImportRejected.safeParse(run.error.details) : null;

  return (
    <Card title="Import a CSV">
      <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
        Columns: account id, name, owner, with a header (<code>account_id,name,owner</code>; other
        column names from common CMDB exports are recognised) or without one. Accounts already
        listed are updated, the others added; accounts missing from the file are kept. A file with
        an invalid row is not imported at all.
      </p>
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3">
        <label className="text-sm">
          <span className="mb-1 block font-medium">CSV file</span>
          <input
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            className="text-sm"
          />
        </label>
        <button
          type="submit"
          disabled={!file || run.isPending}
          className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-60"
        >
          {run.isPending ? "Importing…" : "Import"}
        </button>
      </form>
      {run.data ? (
        <p role="status" className="mt-3 text-sm" data-testid="import-result">
          Imported: {run.data.created} added, {run.data.updated} updated, {run.data.unchanged}{" "}
          unchanged.
        </p>
      ) : null}
      <ActionError error={run.error} block className="mt-3" />
      {rejected?.success ? (
        <ul
          className="mt-2 list-disc pl-5 text-sm text-red-700 dark:text-red-300"
          aria-label="Rejected rows"
        >
          {rejected.data.rows.map((r) => (
            <li key={`${r.line}-${r.message}`} data-testid="import-row-error">
              Line {r.line}: {r.message}
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
