import Link from "next/link";
import { Suspense, type ReactNode } from "react";
import type { TRole } from "@/lib/domain/access";
import { HiddenOnWall } from "./hidden-on-wall";
import { MobileNav } from "./mobile-nav";
import { ShellNavigation } from "./shell-navigation";

export interface ShellUser {
  email: string;
  name: string | null;
  role: TRole;
  scoped: boolean;
}

function Logo() {
  return (
    <Link href="/" className="flex items-center gap-2 px-2 text-lg font-semibold tracking-tight">
      <span
        aria-hidden
        className="inline-block h-6 w-6 rounded-md bg-gradient-to-br from-indigo-500 to-sky-400"
      />
      OrgLens
    </Link>
  );
}

/** Sidebar from md up; below it a top bar with a menu button. A wall screen shows neither. */
export function AppShell({ user, children }: { user: ShellUser; children: ReactNode }) {
  const chrome = (content: ReactNode) => (
    // The wall-screen switch reads the URL on the client; until then the chrome renders as usual.
    <Suspense fallback={content}>
      <HiddenOnWall>{content}</HiddenOnWall>
    </Suspense>
  );
  return (
    <div className="flex min-h-screen flex-col md:flex-row">
      {chrome(
        <header
          data-print-hide
          className="flex items-center justify-between border-b border-slate-200 bg-white px-4 py-2 md:hidden dark:border-slate-800 dark:bg-slate-900"
        >
          <Logo />
          <MobileNav user={user} />
        </header>,
      )}
      {chrome(
        <aside
          data-print-hide
          className="hidden w-56 shrink-0 flex-col border-r border-slate-200 bg-white px-3 py-4 md:flex dark:border-slate-800 dark:bg-slate-900"
        >
          <div className="mb-6">
            <Logo />
          </div>
          <ShellNavigation user={user} />
        </aside>,
      )}
      <main className="min-w-0 flex-1 px-4 py-6 md:px-8">{children}</main>
    </div>
  );
}
