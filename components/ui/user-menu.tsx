"use client";

import { signOut } from "next-auth/react";
import type { ShellUser } from "./app-shell";

export function UserMenu({ user }: { user: ShellUser }) {
  return (
    <div className="border-t border-slate-200 pt-3 text-xs dark:border-slate-800">
      <p className="truncate font-medium" title={user.email} data-testid="user-email">
        {user.name ?? user.email}
      </p>
      <p className="text-slate-600 dark:text-slate-400" data-testid="user-role">
        {user.role}
        {user.scoped ? " · scoped" : ""}
      </p>
      <button
        type="button"
        onClick={() => void signOut({ callbackUrl: "/signin" })}
        className="mt-2 rounded-md px-0 py-1 text-slate-700 underline hover:text-slate-900 dark:text-slate-300"
      >
        Sign out
      </button>
    </div>
  );
}
