import Link from "next/link";

/** A page the user cannot go on from (not found, forbidden): why, and the way back to the overview. */
export function DeadEndPage({ title, reason }: { title: string; reason: string }) {
  return (
    <main className="mx-auto max-w-md px-6 py-24 text-center">
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{reason}</p>
      <Link
        href="/"
        className="mt-6 inline-block text-sm font-medium text-indigo-700 underline dark:text-indigo-300"
      >
        Back to the overview
      </Link>
    </main>
  );
}
