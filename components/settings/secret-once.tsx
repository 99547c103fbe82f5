// A token's secret, right after it was created: shown once, never again (only its hash is stored).
export function SecretOnce({ secret, testId }: { secret: string; testId: string }) {
  return (
    <div className="mt-4 rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm dark:border-emerald-800 dark:bg-emerald-950">
      <p className="font-medium">Copy this token now: it will not be shown again.</p>
      <code
        data-testid={testId}
        className="mt-2 block break-all rounded bg-white px-2 py-1 font-mono text-xs dark:bg-slate-900"
      >
        {secret}
      </code>
    </div>
  );
}
