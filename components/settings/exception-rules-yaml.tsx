"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { ActionError } from "@/components/ui/action-error";
import { Card } from "@/components/ui/card";
import { ApiError, postJson } from "@/lib/api/fetch-json";
import {
  ZExceptionRuleImportResult,
  ZYamlRejected,
  type TExceptionRuleImportResult,
} from "@/lib/api/exception-rules";

const BUTTON =
  "rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-60";
const ACTION_LABEL: Record<TExceptionRuleImportResult["changes"][number]["action"], string> = {
  create: "Created",
  update: "Updated",
  delete: "Deleted",
  unchanged: "Unchanged",
};

/** Export the rules as YAML; import a file: preview what changes, then apply it (all or nothing). */
export function ExceptionRulesYaml({ onImported }: { onImported: () => void }) {
  const [yaml, setYaml] = useState<string | null>(null);
  const [fileName, setFileName] = useState("");
  const send = (dryRun: boolean) =>
    postJson("/api/v1/exception-rules/import", ZExceptionRuleImportResult, { yaml, dryRun });
  const preview = useMutation({ mutationFn: () => send(true) });
  const apply = useMutation({ mutationFn: () => send(false), onSuccess: onImported });
  const failed = apply.error ?? preview.error;
  const rejected = failed instanceof ApiError ? ZYamlRejected.safeParse(failed.details) : null;
  const shown = apply.data ?? preview.data;

  return (
    <Card title="YAML import and export">
      <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
        Keep the rules in a repository: the export lists the rules you manage; importing a file
        makes them exactly that list (rules are matched by name; rules missing from the file are
        deleted). A file with one invalid rule changes nothing.
      </p>
      <div className="flex flex-wrap items-end gap-3">
        <a
          href="/api/v1/exception-rules/export"
          download="exception-rules.yaml"
          className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800"
        >
          Export YAML
        </a>
        <label className="text-sm">
          <span className="mb-1 block font-medium">YAML file to import</span>
          <input
            type="file"
            accept=".yaml,.yml,application/yaml,text/yaml"
            className="text-sm"
            onChange={(e) => {
              const f = e.target.files?.[0];
              preview.reset();
              apply.reset();
              setFileName(f?.name ?? "");
              if (f) void f.text().then(setYaml);
              else setYaml(null);
            }}
          />
        </label>
        <button
          type="button"
          className={BUTTON}
          disabled={yaml === null || preview.isPending}
          onClick={() => {
            apply.reset();
            preview.mutate();
          }}
        >
          {preview.isPending ? "Checking…" : "Preview import"}
        </button>
        {preview.data && !apply.data ? (
          <button
            type="button"
            className={BUTTON}
            disabled={apply.isPending}
            onClick={() => apply.mutate()}
          >
            {apply.isPending ? "Importing…" : "Apply import"}
          </button>
        ) : null}
      </div>
      {shown ? (
        <div className="mt-3 text-sm" role="status" data-testid="import-summary">
          <p className="font-medium">
            {shown.applied ? `Imported ${fileName}: ` : `Importing ${fileName} would make: `}
            {shown.created} created, {shown.updated} updated, {shown.deleted} deleted,{" "}
            {shown.unchanged} unchanged.
          </p>
          <ul className="mt-1 list-disc pl-5" aria-label="Changes">
            {shown.changes.map((c) => (
              <li key={c.name} data-testid="import-change">
                {ACTION_LABEL[c.action]}: {c.name}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ActionError error={failed} block className="mt-3" />
      {rejected?.success ? (
        <ul
          className="mt-2 list-disc pl-5 text-sm text-red-700 dark:text-red-300"
          aria-label="Problems in the file"
        >
          {rejected.data.errors.map((e, i) => (
            <li key={i} data-testid="import-error">
              {e.line !== null ? `Line ${e.line}` : "File"}
              {e.rule ? `, rule ${e.rule}` : ""}
              {e.field ? `, ${e.field}` : ""}: {e.message}
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
