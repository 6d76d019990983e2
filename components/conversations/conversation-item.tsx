"use client";

import Link from "next/link";
import { useState } from "react";
import { cx } from "@/components/ui/cx";
import { ConversationMenu } from "./conversation-menu";
import { PinIcon } from "@/components/ui/icons";
import { useUpdateConversation, type ConversationItem } from "./use-conversations";

interface ItemProps {
  conversation: ConversationItem;
  active: boolean;
  onNavigate?: () => void;
  onDelete: (conversation: ConversationItem) => void;
}

export function ConversationRow({ conversation, active, onNavigate, onDelete }: ItemProps) {
  const [renaming, setRenaming] = useState(false);
  const update = useUpdateConversation();

  if (renaming) {
    return (
      <li>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            const title = new FormData(event.currentTarget).get("title")?.toString().trim();
            if (title && title !== conversation.title) update.mutate({ id: conversation.id, change: { title } });
            setRenaming(false);
          }}
        >
          <label className="sr-only" htmlFor={`rename-${conversation.id}`}>
            New title
          </label>
          <input
            id={`rename-${conversation.id}`}
            name="title"
            data-testid="rename-input"
            defaultValue={conversation.title}
            maxLength={200}
            autoFocus
            onFocus={(event) => event.currentTarget.select()}
            onBlur={() => setRenaming(false)}
            onKeyDown={(event) => {
              if (event.key === "Escape") setRenaming(false);
            }}
            className="h-8 w-full rounded-md border border-zinc-400 bg-white px-2 text-sm dark:border-zinc-600 dark:bg-zinc-950"
          />
        </form>
      </li>
    );
  }

  return (
    <li className="group relative flex items-center" data-testid="conversation-item">
      <Link
        href={`/chat/${conversation.id}`}
        onClick={onNavigate}
        data-testid="conversation-link"
        aria-current={active ? "page" : undefined}
        title={conversation.title}
        className={cx(
          "flex min-w-0 flex-1 items-center gap-2 rounded-lg py-1.5 pr-8 pl-3 text-sm text-zinc-700 hover:bg-zinc-200/70",
          "focus-visible:outline-2 focus-visible:outline-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:focus-visible:outline-zinc-100",
          active && "bg-zinc-200/70 font-medium text-zinc-900 dark:bg-zinc-800 dark:text-zinc-100",
        )}
      >
        {conversation.pinned && <PinIcon className="size-3.5 shrink-0 text-zinc-400" />}
        <span className="min-w-0 truncate">{conversation.title}</span>
        {conversation.tags.length > 0 && (
          <span className="ml-auto hidden shrink-0 text-xs text-zinc-500 dark:text-zinc-400 lg:inline" data-testid="conversation-tags">
            #{conversation.tags[0]}
            {conversation.tags.length > 1 ? ` +${conversation.tags.length - 1}` : ""}
          </span>
        )}
      </Link>
      <div className="absolute right-1">
        <ConversationMenu conversation={conversation} onRename={() => setRenaming(true)} onDelete={() => onDelete(conversation)} />
      </div>
    </li>
  );
}
