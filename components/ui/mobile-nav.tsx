"use client";

// Navigation below the md breakpoint, where the sidebar is hidden: a menu button opens the same links,
// user menu and theme toggle in a modal <dialog>. showModal() makes the rest of the page inert (focus
// stays inside) and closes on Escape; the dialog also closes when a link navigates or the backdrop is
// clicked, and focus returns to the menu button. Its content exists only while it is open, so the
// page never holds two copies of the user menu.
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from "react";
import type { ShellUser } from "./app-shell";
import { ShellNavigation } from "./shell-navigation";

export function MobileNav({ user }: { user: ShellUser }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const pathname = usePathname();
  const [isOpen, setOpen] = useState(false);

  useEffect(() => {
    if (isOpen && !dialog.current?.open) dialog.current?.showModal();
  }, [isOpen]);
  useEffect(() => {
    dialog.current?.close();
  }, [pathname]);

  const open = () => setOpen(true);
  const close = () => dialog.current?.close();
  // A modal dialog keeps focus out of the page, but Tab past its last control leaves for the browser's
  // own UI: wrap from the last control to the first (and back with Shift+Tab) instead.
  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key !== "Tab") return;
    const controls = [
      ...e.currentTarget.querySelectorAll<HTMLElement>(
        "a[href], button:not([disabled]), select, input, [tabindex]:not([tabindex='-1'])",
      ),
    ];
    const first = controls[0];
    const last = controls[controls.length - 1];
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };
  // A click whose target is the dialog itself landed on the backdrop, outside the panel.
  const onDialogClick = (e: MouseEvent<HTMLDialogElement>) => {
    if (e.target === e.currentTarget) close();
  };

  return (
    <>
      <button
        ref={opener}
        type="button"
        onClick={open}
        aria-haspopup="dialog"
        aria-expanded={isOpen}
        aria-controls="mobile-nav"
        className="inline-flex items-center gap-2 rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800"
      >
        <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4" fill="currentColor">
          <path d="M3 5h14v2H3zM3 9h14v2H3zM3 13h14v2H3z" />
        </svg>
        Menu
      </button>
      <dialog
        ref={dialog}
        id="mobile-nav"
        aria-label="Menu"
        onClick={onDialogClick}
        onKeyDown={onKeyDown}
        onClose={() => {
          setOpen(false);
          opener.current?.focus();
        }}
        className="m-0 h-full max-h-none w-72 max-w-[85vw] border-r border-slate-200 bg-white p-0 text-slate-900 backdrop:bg-slate-900/50 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-100"
      >
        {isOpen ? (
          <div className="flex h-full flex-col px-3 py-4">
            <div className="mb-4 flex items-center justify-between px-2">
              <span className="text-lg font-semibold tracking-tight">OrgLens</span>
              <button
                type="button"
                onClick={close}
                className="rounded-md px-2 py-1 text-sm text-slate-700 underline dark:text-slate-300"
              >
                Close menu
              </button>
            </div>
            <ShellNavigation user={user} />
          </div>
        ) : null}
      </dialog>
    </>
  );
}
