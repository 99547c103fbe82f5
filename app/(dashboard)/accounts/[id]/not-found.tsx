import Link from "next/link";

export default function AccountNotFound() {
  return (
    <div className="mx-auto max-w-md py-24 text-center">
      <h1 className="text-2xl font-semibold">Account not found</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        There is no such account, or it is outside the part of the organization you can see.
      </p>
      <Link
        href="/organization"
        className="mt-6 inline-block text-sm font-medium text-indigo-700 underline dark:text-indigo-300"
      >
        Back to the organization
      </Link>
    </div>
  );
}
