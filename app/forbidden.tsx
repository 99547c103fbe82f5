import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-md px-6 py-24 text-center">
      <h1 className="text-2xl font-semibold">You do not have access to this page</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        Your role does not include it. Ask an OrgLens admin if you need it.
      </p>
      <Link
        href="/"
        className="mt-6 inline-block text-sm font-medium text-indigo-700 underline dark:text-indigo-300"
      >
        Back to the overview
      </Link>
    </main>
  );
}
