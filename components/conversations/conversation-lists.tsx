"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import { Spinner } from "@/components/ui/spinner";
import { ConversationRow } from "./conversation-item";
import { ChevronDownIcon } from "@/components/ui/icons";
import { useConversationList, type ConversationFilters, type ConversationItem } from "./use-conversations";

const headingClass = "px-3 pt-3 pb-1 text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400";

export type RowContext = Omit<RowProps, "conversation">;

export interface RowProps {
  conversation: ConversationItem;
  activeId: string | null;
  onNavigate: () => void;
  onDelete: (conversation: ConversationItem) => void;
}

export function Row({ conversation, activeId, onNavigate, onDelete }: RowProps) {
  return <ConversationRow conversation={conversation} active={conversation.id === activeId} onNavigate={onNavigate} onDelete={onDelete} />;
}

export function Section({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <section aria-label={title} data-testid={testId}>
      <h3 className={headingClass}>{title}</h3>
      <ul className="space-y-0.5">{children}</ul>
    </section>
  );
}

type ListQuery = ReturnType<typeof useConversationList>;

/** "Load more", and with `auto` also infinite scroll: loads when the button scrolls into view. */
export function LoadMore({ query, auto = false }: { query: ListQuery; auto?: boolean }) {
  const ref = useRef<HTMLButtonElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  useEffect(() => {
    const node = ref.current;
    if (!auto || !node || !hasNextPage) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
    });
    observer.observe(node);
    return () => observer.disconnect();
  }, [auto, hasNextPage, isFetchingNextPage, fetchNextPage]);
  if (!hasNextPage) return null;
  return (
    <li className="list-none">
      <button
        ref={ref}
        type="button"
        data-testid="load-more"
        disabled={isFetchingNextPage}
        onClick={() => fetchNextPage()}
        className="flex w-full cursor-pointer items-center gap-2 rounded-lg px-3 py-1.5 text-xs text-zinc-500 dark:text-zinc-400 hover:bg-zinc-200/70 dark:hover:bg-zinc-800"
      >
        {isFetchingNextPage && <Spinner className="size-3" />}
        {isFetchingNextPage ? "Loading…" : "Load more"}
      </button>
    </li>
  );
}

/** A collapsed list that loads only when opened (`filters` are fetched lazily). */
export function CollapsibleList({
  title,
  filters,
  testId,
  rowProps,
  leading,
  emptyText,
  defaultOpen = false,
}: {
  title: ReactNode;
  filters: ConversationFilters;
  testId: string;
  rowProps: RowContext;
  leading?: ReactNode;
  emptyText: string;
  defaultOpen?: boolean;
}) {
  const [open, setOpen] = useState(defaultOpen);
  const query = useConversationList(filters, { enabled: open, limit: 20 });
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section data-testid={testId}>
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        className="flex w-full cursor-pointer items-center gap-2 rounded-lg px-3 py-1.5 text-sm text-zinc-700 hover:bg-zinc-200/70 dark:text-zinc-300 dark:hover:bg-zinc-800"
      >
        {leading}
        <span className="min-w-0 flex-1 truncate text-left">{title}</span>
        <ChevronDownIcon className={`size-4 shrink-0 transition-transform ${open ? "" : "-rotate-90"}`} />
      </button>
      {open && (
        <ul className="space-y-0.5 pl-3">
          {query.isPending && (
            <li className="px-3 py-1.5 text-xs text-zinc-500 dark:text-zinc-400" role="status">
              Loading…
            </li>
          )}
          {query.isError && (
            <li role="alert" className="px-3 py-1.5 text-xs text-red-700 dark:text-red-400">
              {query.error.message}
            </li>
          )}
          {query.isSuccess && items.length === 0 && <li className="px-3 py-1.5 text-xs text-zinc-500 dark:text-zinc-400">{emptyText}</li>}
          {items.map((conversation) => (
            <Row key={conversation.id} conversation={conversation} {...rowProps} />
          ))}
          <LoadMore query={query} />
        </ul>
      )}
    </section>
  );
}

