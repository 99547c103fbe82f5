import type { Metadata } from "next";
import { getSignInOptions } from "@/lib/server/http/sign-in-options";
import { SignInButtons } from "./sign-in-buttons";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

const ERRORS: Record<string, string> = {
  NoRole:
    "You are signed in, but none of your groups has an OrgLens role. Ask an admin to map one.",
  OAuthCallback: "The sign-in with your identity provider did not complete. Try again.",
  OAuthSignin: "Could not reach your identity provider. Try again, or contact an admin.",
  CredentialsSignin: "Choose one of the demo roles.",
  AccessDenied: "Access denied.",
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string; callbackUrl?: string }>;
}) {
  const { error, callbackUrl } = await searchParams;
  const message = error ? (ERRORS[error] ?? "Sign-in failed. Try again.") : null;
  const { oidcName, demo } = getSignInOptions();
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <h1 className="flex items-center gap-2 text-xl font-semibold">
          <span
            aria-hidden
            className="inline-block h-6 w-6 rounded-md bg-gradient-to-br from-indigo-500 to-sky-400"
          />
          Sign in to OrgLens
        </h1>
        {message ? (
          <p
            role="alert"
            className="mt-4 rounded-md bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
          >
            {message}
          </p>
        ) : null}
        <SignInButtons
          oidcName={oidcName}
          demo={demo}
          callbackUrl={callbackUrl && callbackUrl.startsWith("/") ? callbackUrl : "/"}
        />
      </div>
    </main>
  );
}
