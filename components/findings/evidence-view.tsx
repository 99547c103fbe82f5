import type { TJson } from "@/lib/domain/json";

/** "lastRotatedDays" → "Last rotated days"; "scp_ids" → "Scp ids". */
function labelOf(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function Value({ value }: { value: TJson | null }) {
  if (value === null) return <span className="text-slate-500 dark:text-slate-400">none</span>;
  if (typeof value === "boolean") return <span>{value ? "yes" : "no"}</span>;
  if (typeof value === "number")
    return <span className="tabular">{value.toLocaleString("en-US")}</span>;
  if (typeof value === "string")
    return <span className="break-all font-mono text-xs">{value === "" ? "—" : value}</span>;
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="text-slate-500 dark:text-slate-400">none</span>;
    return (
      <ul className="list-disc space-y-1 pl-4">
        {value.map((v, i) => (
          <li key={i}>
            <Value value={v} />
          </li>
        ))}
      </ul>
    );
  }
  return <EvidenceList evidence={value} nested />;
}

/** Evidence as a readable list of labelled values, nested objects indented. */
function EvidenceList({
  evidence,
  nested = false,
}: {
  evidence: { [key: string]: TJson | null };
  nested?: boolean;
}) {
  const entries = Object.entries(evidence);
  if (entries.length === 0)
    return <p className="text-sm text-slate-500 dark:text-slate-400">No evidence recorded.</p>;
  return (
    <dl
      className={`grid grid-cols-1 gap-x-4 gap-y-2 text-sm sm:grid-cols-[minmax(8rem,max-content)_1fr] ${nested ? "border-l border-slate-200 pl-3 dark:border-slate-700" : ""}`}
    >
      {entries.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="font-medium text-slate-600 dark:text-slate-400">{labelOf(k)}</dt>
          <dd className="min-w-0">
            <Value value={v} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function EvidenceView({ evidence }: { evidence: TJson }) {
  return (
    <div className="space-y-3">
      {typeof evidence === "object" && !Array.isArray(evidence) ? (
        <EvidenceList evidence={evidence} />
      ) : (
        <Value value={evidence} />
      )}
      <details className="text-xs">
        <summary className="cursor-pointer text-slate-600 dark:text-slate-400">Raw JSON</summary>
        <pre className="mt-2 overflow-x-auto rounded-md bg-slate-50 p-3 dark:bg-slate-950">
          {JSON.stringify(evidence, null, 2)}
        </pre>
      </details>
    </div>
  );
}
