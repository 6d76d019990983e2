"use client";

import { useEffect, useRef } from "react";

/** Time to undo a delete; the conversation is soft-deleted at once and restored on undo. */
export const UNDO_MS = 10_000;

export interface PendingUndo {
  id: string;
  title: string;
}

export function UndoToast({
  pending,
  onUndo,
  onExpire,
}: {
  pending: PendingUndo | null;
  onUndo: (pending: PendingUndo) => void;
  onExpire: () => void;
}) {
  const expire = useRef(onExpire);
  useEffect(() => {
    expire.current = onExpire;
  }, [onExpire]);
  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(() => expire.current(), UNDO_MS);
    return () => clearTimeout(timer);
  }, [pending]);

  if (!pending) return null;
  return (
    <div
      role="status"
      data-testid="undo-toast"
      className="fixed bottom-4 left-1/2 z-50 flex -translate-x-1/2 items-center gap-4 rounded-lg bg-zinc-900 px-4 py-3 text-sm text-white shadow-lg dark:bg-zinc-100 dark:text-zinc-900"
    >
      <span className="max-w-64 truncate">Deleted “{pending.title}”</span>
      <button
        type="button"
        data-testid="undo-button"
        onClick={() => onUndo(pending)}
        className="cursor-pointer rounded font-semibold underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-white dark:focus-visible:outline-zinc-900"
      >
        Undo
      </button>
    </div>
  );
}
