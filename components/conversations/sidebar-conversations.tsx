"use client";

import { usePathname, useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { ProjectSections } from "@/components/projects/project-sections";
import { Spinner } from "@/components/ui/spinner";
import { ChatIcon } from "@/components/ui/icons";
import { CollapsibleList, LoadMore, Row, Section, type RowContext } from "./conversation-lists";
import { dateGroupLabels, groupByDate } from "./group-by-date";
import { UndoToast, type PendingUndo } from "./undo-toast";
import { useConversationList, useDeleteConversation, useRestoreConversation, type ConversationItem } from "./use-conversations";

/** The sidebar's conversations: Pinned, projects, then by date (Today … Older), then the archive. */
export function SidebarConversations({ onNavigate }: { onNavigate: () => void }) {
  const pathname = usePathname();
  const router = useRouter();
  const activeId = pathname.startsWith("/chat/") ? decodeURIComponent(pathname.slice("/chat/".length).split("/")[0]!) : null;
  const [pendingUndo, setPendingUndo] = useState<PendingUndo | null>(null);
  const remove = useDeleteConversation();
  const restore = useRestoreConversation();

  const onDelete = (conversation: ConversationItem) => {
    remove.mutate(conversation.id, {
      onSuccess: () => {
        setPendingUndo({ id: conversation.id, title: conversation.title });
        if (conversation.id === activeId) router.push("/chat");
      },
    });
  };

  const rowProps: RowContext = { activeId, onNavigate, onDelete };
  const pinned = useConversationList({ pinned: true });
  const recent = useConversationList({ pinned: false, projectId: "none" });
  const items = useMemo(() => recent.data?.pages.flatMap((page) => page.items) ?? [], [recent.data]);
  const pinnedItems = pinned.data?.pages.flatMap((page) => page.items) ?? [];
  const [now] = useState(() => new Date());
  const groups = useMemo(() => groupByDate(items, now), [items, now]);

  return (
    <>
      {remove.isError && (
        <p role="alert" className="px-3 py-1 text-xs text-red-700 dark:text-red-400">
          {remove.error.message}
        </p>
      )}
      {pinnedItems.length > 0 && (
        <Section title="Pinned" testId="sidebar-group-pinned">
          {pinnedItems.map((conversation) => (
            <Row key={conversation.id} conversation={conversation} {...rowProps} />
          ))}
          <LoadMore query={pinned} />
        </Section>
      )}

      <ProjectSections rowProps={rowProps} />

      {recent.isPending && (
        <div className="flex justify-center py-6" aria-label="Loading conversations" role="status">
          <Spinner className="size-5 text-zinc-400" />
        </div>
      )}
      {recent.isError && (
        <div role="alert" className="mx-3 my-2 space-y-2 text-sm text-red-700 dark:text-red-400">
          <p>Could not load your conversations: {recent.error.message}</p>
          <button type="button" onClick={() => recent.refetch()} className="cursor-pointer underline">
            Try again
          </button>
        </div>
      )}
      {recent.isSuccess && items.length === 0 && pinnedItems.length === 0 && (
        <div className="flex flex-col items-center gap-2 px-4 py-10 text-center" data-testid="conversations-empty">
          <ChatIcon className="size-6 text-zinc-400 dark:text-zinc-500" />
          <p className="text-sm font-medium text-zinc-700 dark:text-zinc-300">No conversations yet</p>
          <p className="text-xs text-zinc-500 dark:text-zinc-400">Your chats will show up here.</p>
        </div>
      )}
      {groups.map(({ group, items: grouped }) => (
        <Section key={group} title={dateGroupLabels[group]} testId={`sidebar-group-${group}`}>
          {grouped.map((conversation) => (
            <Row key={conversation.id} conversation={conversation} {...rowProps} />
          ))}
        </Section>
      ))}
      <LoadMore query={recent} auto />

      <ArchivedSection rowProps={rowProps} />
      <UndoToast
        pending={pendingUndo}
        onExpire={() => setPendingUndo(null)}
        onUndo={(undo) => {
          setPendingUndo(null);
          restore.mutate(undo.id);
        }}
      />
    </>
  );
}

function ArchivedSection({ rowProps }: { rowProps: RowContext }) {
  return (
    <div className="mt-3 border-t border-zinc-200 pt-2 dark:border-zinc-800">
      <CollapsibleList
        title="Archived"
        testId="sidebar-archived"
        filters={{ archived: true }}
        rowProps={rowProps}
        emptyText="Nothing archived."
      />
    </div>
  );
}
