"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { ShortcutHint, useShortcut } from "@/components/keyboard/keyboard-shortcuts";
import { SearchIcon } from "@/components/ui/icons";
import { cx } from "@/components/ui/cx";
import { Spinner } from "@/components/ui/spinner";
import { useSearch, type SearchHit, type SnippetPart } from "./use-search";

const DEBOUNCE_MS = 150;

/** The sidebar's search button and the Ctrl/Cmd+K palette it opens. */
export function SearchPalette({ onNavigate }: { onNavigate?: () => void }) {
  const [open, setOpen] = useState(false);
  useShortcut("search", () => setOpen((current) => !current));
  return (
    <>
      <button
        type="button"
        data-testid="search-open"
        onClick={() => setOpen(true)}
        className="flex h-9 w-full cursor-pointer items-center gap-2 rounded-lg border border-zinc-200 bg-white px-3 text-sm text-zinc-500 dark:text-zinc-400 hover:border-zinc-300 hover:text-zinc-800 focus-visible:outline-2 focus-visible:outline-zinc-900 dark:border-zinc-800 dark:bg-zinc-950 dark:hover:text-zinc-200 dark:focus-visible:outline-zinc-100"
      >
        <SearchIcon />
        <span className="flex-1 text-left">Search</span>
        <ShortcutHint id="search" />
      </button>
      {open && (
        <PaletteDialog
          onClose={() => setOpen(false)}
          onNavigate={() => {
            setOpen(false);
            onNavigate?.();
          }}
        />
      )}
    </>
  );
}

function PaletteDialog({ onClose, onNavigate }: { onClose: () => void; onNavigate: () => void }) {
  const router = useRouter();
  const [text, setText] = useState("");
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const restoreFocus = useRef<Element | null>(null);

  useEffect(() => {
    restoreFocus.current = document.activeElement;
    inputRef.current?.focus();
    return () => (restoreFocus.current as HTMLElement | null)?.focus?.();
  }, []);
  useEffect(() => {
    const timer = setTimeout(() => {
      setQuery(text);
      setActive(0);
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  const search = useSearch(query);
  const hits = query.trim() ? (search.data?.items ?? []) : [];
  const open = (hit: SearchHit) => {
    router.push(`/chat/${hit.conversationId}`);
    onNavigate();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      event.preventDefault();
      onClose();
    } else if (event.key === "ArrowDown" && hits.length) {
      event.preventDefault();
      setActive((index) => (index + 1) % hits.length);
    } else if (event.key === "ArrowUp" && hits.length) {
      event.preventDefault();
      setActive((index) => (index - 1 + hits.length) % hits.length);
    } else if (event.key === "Enter" && hits[active]) {
      event.preventDefault();
      open(hits[active]);
    }
  };

  useEffect(() => {
    document.getElementById(`${listId}-${active}`)?.scrollIntoView({ block: "nearest" });
  }, [active, listId]);

  return (
    <div className="fixed inset-0 z-50 flex items-start justify-center bg-black/40 p-4 pt-[12vh]" onMouseDown={onClose}>
      <div
        role="dialog"
        aria-modal="true"
        aria-label="Search conversations"
        data-testid="search-palette"
        onMouseDown={(event) => event.stopPropagation()}
        onKeyDown={onKeyDown}
        className="flex max-h-[70vh] w-full max-w-xl flex-col overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-2xl dark:border-zinc-700 dark:bg-zinc-900"
      >
        <div className="flex items-center gap-2 border-b border-zinc-200 px-4 dark:border-zinc-800">
          <SearchIcon className="size-4 text-zinc-400" />
          <input
            ref={inputRef}
            data-testid="search-input"
            role="combobox"
            aria-expanded={hits.length > 0}
            aria-controls={listId}
            aria-activedescendant={hits.length ? `${listId}-${active}` : undefined}
            aria-label="Search conversations"
            placeholder='Search… "exact phrase", -exclude, tag:, project:, model:, after:2026-01-01'
            value={text}
            onChange={(event) => setText(event.target.value)}
            className="h-12 flex-1 rounded-md bg-transparent text-sm placeholder:text-zinc-500 focus-visible:outline-offset-0"
          />
          {search.isFetching && <Spinner className="size-4 text-zinc-400" />}
        </div>
        <div className="min-h-0 flex-1 overflow-y-auto p-2">
          {!query.trim() && (
            <p className="px-3 py-6 text-center text-sm text-zinc-500 dark:text-zinc-400" data-testid="search-hint">
              Type to search your messages and titles. ↑↓ to choose, Enter to open, Esc to close.
            </p>
          )}
          {search.isError && (
            <p role="alert" className="px-3 py-4 text-sm text-red-700 dark:text-red-400">
              {search.error.message}
            </p>
          )}
          {query.trim() && search.isSuccess && hits.length === 0 && (
            <p className="px-3 py-6 text-center text-sm text-zinc-500 dark:text-zinc-400" data-testid="search-empty">
              No conversations match “{query.trim()}”.
            </p>
          )}
          {hits.length > 0 && (
            <ul id={listId} role="listbox" aria-label="Results" className="space-y-0.5">
              {hits.map((hit, index) => (
                <li
                  key={hit.conversationId}
                  id={`${listId}-${index}`}
                  role="option"
                  aria-selected={index === active}
                  data-testid="search-result"
                  onMouseMove={() => setActive(index)}
                  onClick={() => open(hit)}
                  className={cx(
                    "cursor-pointer rounded-lg px-3 py-2",
                    index === active ? "bg-zinc-100 dark:bg-zinc-800" : "hover:bg-zinc-50 dark:hover:bg-zinc-800/60",
                  )}
                >
                  <div className="flex items-center gap-2 text-sm font-medium text-zinc-900 dark:text-zinc-100">
                    {hit.project && <span aria-hidden="true">{hit.project.emoji ?? "📁"}</span>}
                    <span className="min-w-0 truncate">
                      <Highlighted parts={hit.titleSnippet} />
                    </span>
                    {hit.archived && <span className="shrink-0 rounded bg-zinc-200 px-1.5 text-[10px] text-zinc-600 dark:bg-zinc-700 dark:text-zinc-300">archived</span>}
                    <span className="ml-auto shrink-0 text-xs font-normal text-zinc-500 dark:text-zinc-400">{new Date(hit.at).toLocaleDateString()}</span>
                  </div>
                  {hit.snippet.length > 0 && (
                    <p className="mt-0.5 line-clamp-2 text-xs text-zinc-600 dark:text-zinc-400" data-testid="search-snippet">
                      {hit.role && <span className="font-medium">{hit.role === "user" ? "You: " : "AI: "}</span>}
                      <Highlighted parts={hit.snippet} />
                    </p>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </div>
  );
}

function Highlighted({ parts }: { parts: SnippetPart[] }) {
  return (
    <>
      {parts.map((part, index) =>
        part.highlight ? (
          <mark key={index} className="rounded-sm bg-amber-200 px-0.5 text-inherit dark:bg-amber-500/40">
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}
