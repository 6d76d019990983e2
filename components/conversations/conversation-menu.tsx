"use client";

import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { ExportDialog } from "@/components/export/export-dialog";
import { useProjects } from "@/components/projects/use-projects";
import { cx } from "@/components/ui/cx";
import { ArchiveIcon, DownloadIcon, FolderIcon, MoreIcon, PencilIcon, PinIcon, TagIcon, TrashIcon } from "@/components/ui/icons";
import { useTags, useUpdateConversation, type ConversationItem } from "./use-conversations";

const itemClass =
  "flex w-full cursor-pointer items-center gap-2 rounded-md px-2.5 py-1.5 text-left text-sm text-zinc-700 " +
  "hover:bg-zinc-100 focus-visible:bg-zinc-100 focus-visible:outline-none dark:text-zinc-200 dark:hover:bg-zinc-800 dark:focus-visible:bg-zinc-800";

type View = "main" | "move" | "tags";

interface MenuProps {
  conversation: ConversationItem;
  onRename: () => void;
  onDelete: () => void;
}

/** The ⋯ menu on a sidebar conversation: rename, pin, archive, move to a project, tags, export, delete. */
export function ConversationMenu({ conversation, onRename, onDelete }: MenuProps) {
  const [open, setOpen] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [view, setView] = useState<View>("main");
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const update = useUpdateConversation();

  const close = (returnFocus = true) => {
    setOpen(false);
    setView("main");
    if (returnFocus) buttonRef.current?.focus();
  };

  // Fixed position beside the button, so the sidebar's scroll area never clips the menu.
  useLayoutEffect(() => {
    if (!open || !buttonRef.current) return;
    const rect = buttonRef.current.getBoundingClientRect();
    const height = menuRef.current?.offsetHeight ?? 240;
    const top = rect.bottom + height + 8 > window.innerHeight ? Math.max(8, rect.top - height - 4) : rect.bottom + 4;
    setPosition({ top, left: Math.max(8, rect.right - 224) });
  }, [open, view]);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: MouseEvent) => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) close(false);
    };
    // Escape closes the menu wherever the focus is (e.g. after a click that left it on the page).
    const onEscape = (event: globalThis.KeyboardEvent) => {
      if (event.key === "Escape" && !menuRef.current?.contains(document.activeElement)) close();
    };
    document.addEventListener("mousedown", onPointer);
    document.addEventListener("keydown", onEscape);
    return () => {
      document.removeEventListener("mousedown", onPointer);
      document.removeEventListener("keydown", onEscape);
    };
  }, [open]);

  // Focus moves in once the menu is placed (a hidden element cannot take focus).
  useEffect(() => {
    if (open && position) menuRef.current?.querySelector<HTMLElement>("[role=menuitem], input")?.focus();
  }, [open, view, position]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      if (view === "main") close();
      else setView("main");
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const items = [...(menuRef.current?.querySelectorAll<HTMLElement>("[role=menuitem]") ?? [])];
    if (!items.length) return;
    event.preventDefault();
    const index = items.indexOf(document.activeElement as HTMLElement);
    const next = event.key === "ArrowDown" ? (index + 1) % items.length : (index - 1 + items.length) % items.length;
    items[next]!.focus();
  };

  const change = (patch: Parameters<typeof update.mutate>[0]["change"]) => {
    update.mutate({ id: conversation.id, change: patch });
    close();
  };

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        data-testid="conversation-menu-button"
        aria-label={`Options for ${conversation.title}`}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => (open ? close() : setOpen(true))}
        className={cx(
          "grid size-7 shrink-0 cursor-pointer place-items-center rounded-md text-zinc-500 dark:text-zinc-400 hover:bg-zinc-300/60 hover:text-zinc-900",
          "focus-visible:outline-2 focus-visible:outline-zinc-900 dark:hover:bg-zinc-700 dark:hover:text-zinc-100 dark:focus-visible:outline-zinc-100",
          open ? "visible" : "invisible group-hover:visible group-focus-within:visible max-md:visible",
        )}
      >
        <MoreIcon />
      </button>
      {open && (
        <div
          ref={menuRef}
          role="menu"
          aria-label={`Options for ${conversation.title}`}
          data-testid="conversation-menu"
          onKeyDown={onKeyDown}
          style={position ? { top: position.top, left: position.left } : { visibility: "hidden" }}
          className="fixed z-50 w-56 rounded-lg border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
        >
          {view === "main" && (
            <>
              <MenuItem testId="menu-rename" icon={<PencilIcon />} onSelect={() => (close(false), onRename())}>
                Rename
              </MenuItem>
              <MenuItem testId="menu-pin" icon={<PinIcon />} onSelect={() => change({ pinned: !conversation.pinned })}>
                {conversation.pinned ? "Unpin" : "Pin"}
              </MenuItem>
              <MenuItem testId="menu-move" icon={<FolderIcon />} onSelect={() => setView("move")}>
                Move to project…
              </MenuItem>
              <MenuItem testId="menu-tags" icon={<TagIcon />} onSelect={() => setView("tags")}>
                Tags…
              </MenuItem>
              <MenuItem testId="menu-archive" icon={<ArchiveIcon />} onSelect={() => change({ archived: !conversation.archived })}>
                {conversation.archived ? "Unarchive" : "Archive"}
              </MenuItem>
              <MenuItem testId="menu-export" icon={<DownloadIcon />} onSelect={() => (close(false), setExporting(true))}>
                Export…
              </MenuItem>
              <MenuItem testId="menu-delete" icon={<TrashIcon />} danger onSelect={() => (close(false), onDelete())}>
                Delete
              </MenuItem>
            </>
          )}
          {view === "move" && <MoveView conversation={conversation} onMove={(projectId) => change({ projectId })} />}
          {view === "tags" && <TagsView conversation={conversation} />}
        </div>
      )}
      {exporting && (
        <ExportDialog
          target={{ conversationId: conversation.id }}
          title={conversation.title}
          onClose={() => {
            setExporting(false);
            buttonRef.current?.focus();
          }}
        />
      )}
    </>
  );
}

function MenuItem({
  children,
  icon,
  onSelect,
  testId,
  danger,
  checked,
}: {
  children: ReactNode;
  icon?: ReactNode;
  onSelect: () => void;
  testId?: string;
  danger?: boolean;
  checked?: boolean;
}) {
  return (
    <button
      type="button"
      role={checked === undefined ? "menuitem" : "menuitemradio"}
      aria-checked={checked}
      data-testid={testId}
      onClick={onSelect}
      className={cx(itemClass, danger && "text-red-700 dark:text-red-400")}
    >
      {icon}
      <span className="min-w-0 flex-1 truncate">{children}</span>
      {checked && <span aria-hidden="true">✓</span>}
    </button>
  );
}

function MoveView({ conversation, onMove }: { conversation: ConversationItem; onMove: (projectId: string | null) => void }) {
  const projects = useProjects();
  return (
    <div role="group" aria-label="Move to project" className="max-h-72 overflow-y-auto">
      <p className="px-2.5 py-1 text-xs font-medium text-zinc-500 dark:text-zinc-400">Move to project</p>
      {projects.isPending && <p className="px-2.5 py-1.5 text-sm text-zinc-500 dark:text-zinc-400">Loading…</p>}
      {projects.isError && <p className="px-2.5 py-1.5 text-sm text-red-700">{projects.error.message}</p>}
      {projects.data && projects.data.items.length === 0 && (
        <p className="px-2.5 py-1.5 text-sm text-zinc-500 dark:text-zinc-400">No projects yet. Create one on the Projects page.</p>
      )}
      {projects.data?.items.map((project) => (
        <MenuItem
          key={project.id}
          testId="move-target"
          checked={conversation.projectId === project.id}
          onSelect={() => onMove(project.id)}
          icon={<span aria-hidden="true">{project.emoji ?? "📁"}</span>}
        >
          {project.name}
        </MenuItem>
      ))}
      {conversation.projectId && (
        <MenuItem testId="move-none" onSelect={() => onMove(null)}>
          Remove from project
        </MenuItem>
      )}
    </div>
  );
}

function TagsView({ conversation }: { conversation: ConversationItem }) {
  const [draft, setDraft] = useState("");
  const [tags, setTags] = useState(conversation.tags);
  const update = useUpdateConversation();
  const known = useTags();
  const save = (next: string[]) => {
    setTags(next);
    update.mutate({ id: conversation.id, change: { tags: next } });
  };
  const add = () => {
    const name = draft.trim().toLowerCase();
    if (!name) return;
    if (!tags.includes(name)) save([...tags, name]);
    setDraft("");
  };
  const listId = `tag-suggestions-${conversation.id}`;
  return (
    <div className="space-y-2 p-1.5" data-testid="tags-editor">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          add();
        }}
      >
        <label className="sr-only" htmlFor={`tag-input-${conversation.id}`}>
          Add a tag
        </label>
        <input
          id={`tag-input-${conversation.id}`}
          data-testid="tag-input"
          list={listId}
          value={draft}
          maxLength={32}
          onChange={(event) => setDraft(event.target.value)}
          placeholder="Add a tag and press Enter"
          className="h-8 w-full rounded-md border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-950"
        />
        <datalist id={listId}>
          {known.data?.items.map((tag) => (
            <option key={tag.name} value={tag.name} />
          ))}
        </datalist>
      </form>
      {update.isError && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-400">
          {update.error.message}
        </p>
      )}
      {tags.length === 0 ? (
        <p className="px-1 text-xs text-zinc-500 dark:text-zinc-400">No tags yet.</p>
      ) : (
        <ul className="flex flex-wrap gap-1">
          {tags.map((tag) => (
            <li key={tag}>
              <button
                type="button"
                data-testid="tag-chip"
                aria-label={`Remove tag ${tag}`}
                onClick={() => save(tags.filter((name) => name !== tag))}
                className="cursor-pointer rounded-full bg-zinc-200 px-2 py-0.5 text-xs text-zinc-800 hover:bg-red-100 hover:text-red-800 dark:bg-zinc-700 dark:text-zinc-100"
              >
                {tag} ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
