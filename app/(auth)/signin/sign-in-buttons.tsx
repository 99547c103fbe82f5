"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";

const DEMO_ROLES = [
  { role: "admin", label: "Admin", hint: "settings, rules, collection, period close" },
  { role: "analyst", label: "FinOps analyst", hint: "all reads, exports, mute findings" },
  { role: "viewer", label: "Viewer", hint: "dashboards and KPIs" },
  { role: "scoped", label: "Business-unit lead", hint: "viewer of one OU subtree" },
] as const;

export function SignInButtons({
  oidcName,
  demo,
  callbackUrl,
}: {
  oidcName: string | null;
  demo: boolean;
  callbackUrl: string;
}) {
  const [busy, setBusy] = useState<string | null>(null);
  const go = (provider: string, extra?: Record<string, string>) => {
    setBusy(provider + (extra?.role ?? ""));
    void signIn(provider, { callbackUrl, ...extra });
  };
  return (
    <div className="mt-6 space-y-6">
      {oidcName ? (
        <button
          type="button"
          disabled={busy !== null}
          onClick={() => go("oidc")}
          className="w-full rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-60"
        >
          {busy === "oidc" ? "Redirecting…" : `Sign in with ${oidcName}`}
        </button>
      ) : null}
      {demo ? (
        <section
          aria-labelledby="demo-heading"
          className="rounded-lg border-2 border-dashed border-amber-400 p-4"
        >
          <h2
            id="demo-heading"
            className="text-sm font-semibold text-amber-800 dark:text-amber-300"
          >
            Demo sign-in — not for production
          </h2>
          <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
            Enabled by ORGLENS_DEMO_SIGNIN. Pick a role to explore the demo organization.
          </p>
          <div className="mt-3 grid gap-2">
            {DEMO_ROLES.map((r) => (
              <button
                key={r.role}
                type="button"
                disabled={busy !== null}
                onClick={() => go("demo", { role: r.role })}
                className="rounded-md border border-slate-300 px-3 py-2 text-left text-sm hover:bg-slate-50 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-800"
              >
                <span className="font-medium">Continue as {r.label}</span>
                <span className="block text-xs text-slate-600 dark:text-slate-400">{r.hint}</span>
              </button>
            ))}
          </div>
        </section>
      ) : null}
    </div>
  );
}
