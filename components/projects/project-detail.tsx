"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConversationRow } from "@/components/conversations/conversation-item";
import { LoadMore } from "@/components/conversations/conversation-lists";
import { ExportDialog } from "@/components/export/export-dialog";
import { useConversationList, useCreateConversation, useDeleteConversation } from "@/components/conversations/use-conversations";
import { DownloadIcon, NewChatIcon } from "@/components/ui/icons";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormError } from "@/components/ui/alert";
import { Spinner } from "@/components/ui/spinner";
import { ProjectForm } from "./project-form";
import { ProjectStats } from "./projects-page";
import { useDeleteProject, useProject, useUpdateProject } from "./use-projects";

export function ProjectDetail({ projectId }: { projectId: string }) {
  const router = useRouter();
  const project = useProject(projectId);
  const update = useUpdateProject();
  const remove = useDeleteProject();
  const createChat = useCreateConversation();
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [exporting, setExporting] = useState(false);

  if (project.isPending) {
    return (
      <div className="flex justify-center py-16" role="status" aria-label="Loading project">
        <Spinner className="size-6 text-zinc-400" />
      </div>
    );
  }
  if (project.isError) {
    return (
      <div className="mx-auto max-w-3xl px-6 py-12" role="alert">
        <p className="text-sm text-red-700 dark:text-red-400">{project.error.message}</p>
      </div>
    );
  }
  const { project: item } = project.data;

  return (
    <div className="mx-auto w-full max-w-3xl space-y-6 px-4 py-8 sm:px-6 sm:py-12">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <h1 className="flex items-center gap-2 text-2xl font-semibold tracking-tight" data-testid="project-title">
            <span aria-hidden="true">{item.emoji ?? "📁"}</span>
            <span className="truncate" style={item.color ? { color: item.color } : undefined}>
              {item.name}
            </span>
          </h1>
          {item.description && <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{item.description}</p>}
          <ProjectStats project={item} />
        </div>
        <div className="flex gap-2">
          <Button
            data-testid="project-new-chat"
            pending={createChat.isPending}
            onClick={() =>
              createChat.mutate({ projectId }, { onSuccess: ({ conversation }) => router.push(`/chat/${conversation.id}`) })
            }
          >
            <NewChatIcon />
            New chat here
          </Button>
          <Button variant="secondary" onClick={() => setExporting(true)} data-testid="project-export">
            <DownloadIcon />
            Export
          </Button>
          <Button variant="secondary" onClick={() => setEditing(!editing)} data-testid="project-edit">
            Edit
          </Button>
        </div>
      </div>
      {createChat.isError && <FormError>{createChat.error.message}</FormError>}
      {exporting && <ExportDialog target={{ projectId }} title={item.name} onClose={() => setExporting(false)} />}

      {editing && (
        <Card className="p-6">
          <ProjectForm
            project={item}
            submitLabel="Save"
            pending={update.isPending}
            error={update.error?.message}
            onCancel={() => setEditing(false)}
            onSubmit={(fields) => update.mutate({ id: projectId, fields }, { onSuccess: () => setEditing(false) })}
          />
          <div className="mt-6 border-t border-zinc-200 pt-4 dark:border-zinc-800">
            {!confirmDelete ? (
              <Button variant="ghost" className="text-red-700 dark:text-red-400" onClick={() => setConfirmDelete(true)} data-testid="project-delete">
                Delete project…
              </Button>
            ) : (
              <div className="space-y-3" data-testid="project-delete-confirm">
                <p className="text-sm">What should happen to the {item.stats.conversations} chats in it?</p>
                {remove.isError && <FormError>{remove.error.message}</FormError>}
                <div className="flex flex-wrap gap-2">
                  {(["move", "delete"] as const).map((choice) => (
                    <Button
                      key={choice}
                      variant={choice === "delete" ? "primary" : "secondary"}
                      pending={remove.isPending && remove.variables?.conversations === choice}
                      data-testid={`project-delete-${choice}`}
                      onClick={() => remove.mutate({ id: projectId, conversations: choice }, { onSuccess: () => router.push("/projects") })}
                    >
                      {choice === "move" ? "Keep the chats (move them out)" : "Delete the chats too"}
                    </Button>
                  ))}
                  <Button variant="ghost" onClick={() => setConfirmDelete(false)}>
                    Cancel
                  </Button>
                </div>
              </div>
            )}
          </div>
        </Card>
      )}

      {item.instructions && !editing && (
        <Card className="p-4">
          <h2 className="text-sm font-semibold">Instructions</h2>
          <p className="mt-1 text-sm whitespace-pre-wrap text-zinc-700 dark:text-zinc-300">{item.instructions}</p>
        </Card>
      )}

      <ProjectConversations projectId={projectId} />
    </div>
  );
}

function ProjectConversations({ projectId }: { projectId: string }) {
  const list = useConversationList({ projectId });
  const remove = useDeleteConversation();
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section aria-labelledby="project-chats">
      <h2 id="project-chats" className="mb-2 text-base font-semibold">
        Chats
      </h2>
      {list.isPending && <Spinner className="size-5 text-zinc-400" />}
      {list.isError && <p role="alert" className="text-sm text-red-700">{list.error.message}</p>}
      {list.isSuccess && items.length === 0 && (
        <p className="text-sm text-zinc-500 dark:text-zinc-400" data-testid="project-chats-empty">
          No chats yet. Start one here, or move one in from the sidebar’s ⋯ menu.
        </p>
      )}
      <ul className="space-y-0.5" data-testid="project-chats">
        {items.map((conversation) => (
          <ConversationRow key={conversation.id} conversation={conversation} active={false} onDelete={(c) => remove.mutate(c.id)} />
        ))}
        <LoadMore query={list} />
      </ul>
    </section>
  );
}
