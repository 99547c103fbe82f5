// The server's message when an action failed (a mutation's error), next to its button or form.
// `block` renders a paragraph (own line), otherwise inline text.
export function ActionError({
  error,
  className = "",
  block = false,
}: {
  error: Error | null;
  className?: string;
  block?: boolean;
}) {
  if (!error) return null;
  const cls = `${className} text-sm text-red-700 dark:text-red-300`.trim();
  return block ? (
    <p role="alert" className={cls}>
      {error.message}
    </p>
  ) : (
    <span role="alert" className={cls}>
      {error.message}
    </span>
  );
}
