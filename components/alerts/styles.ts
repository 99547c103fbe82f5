export const inputClass =
  "w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-700 dark:bg-slate-950";
export const buttonClass =
  "rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-60";
export const linkButtonClass =
  "text-sm text-indigo-700 underline disabled:opacity-60 dark:text-indigo-300";
