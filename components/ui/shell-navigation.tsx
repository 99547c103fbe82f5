import type { ShellUser } from "./app-shell";
import { NavLinks } from "./nav-links";
import { ThemeToggle } from "./theme-toggle";
import { UserMenu } from "./user-menu";

/** The links, then the user menu and theme toggle at the bottom: the sidebar's and the phone menu's content. */
export function ShellNavigation({ user }: { user: ShellUser }) {
  return (
    <>
      <NavLinks role={user.role} />
      <div className="mt-auto space-y-2 px-2">
        <UserMenu user={user} />
        <ThemeToggle />
      </div>
    </>
  );
}
