"use client";

import Link from "next/link";
import { CollapsibleList, type RowContext } from "@/components/conversations/conversation-lists";
import { PlusIcon } from "@/components/ui/icons";
import { useProjects } from "./use-projects";

/** One collapsible sidebar section per project, listing its (unarchived) conversations. */
export function ProjectSections({ rowProps }: { rowProps: RowContext }) {
  const projects = useProjects();
  return (
    <section aria-label="Projects" data-testid="sidebar-projects">
      <div className="flex items-center justify-between px-3 pt-3 pb-1">
        <Link
          href="/projects"
          onClick={rowProps.onNavigate}
          className="text-xs font-medium tracking-wide text-zinc-500 uppercase hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100"
        >
          Projects
        </Link>
        <Link
          href="/projects?new=1"
          onClick={rowProps.onNavigate}
          aria-label="New project"
          title="New project"
          className="grid size-6 place-items-center rounded-md text-zinc-500 dark:text-zinc-400 hover:bg-zinc-200/70 hover:text-zinc-900 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
        >
          <PlusIcon className="size-3.5" />
        </Link>
      </div>
      {projects.isError && (
        <p role="alert" className="px-3 py-1 text-xs text-red-700 dark:text-red-400">
          Could not load projects: {projects.error.message}
        </p>
      )}
      {projects.isSuccess && projects.data.items.length === 0 && (
        <p className="px-3 py-1 text-xs text-zinc-500 dark:text-zinc-400">Group related chats in a project.</p>
      )}
      {projects.data?.items.map((project) => (
        <CollapsibleList
          key={project.id}
          testId="project-section"
          title={project.name}
          leading={
            <span aria-hidden="true" className="shrink-0" style={project.color ? { color: project.color } : undefined}>
              {project.emoji ?? "●"}
            </span>
          }
          filters={{ projectId: project.id, pinned: false }}
          rowProps={rowProps}
          emptyText="No chats in this project yet."
        />
      ))}
    </section>
  );
}
