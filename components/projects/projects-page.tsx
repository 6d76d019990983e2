"use client";

import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { FolderIcon, PlusIcon } from "@/components/ui/icons";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Spinner } from "@/components/ui/spinner";
import { ProjectForm } from "./project-form";
import { useCreateProject, useProjects, type ProjectItem } from "./use-projects";

export function ProjectsPage() {
  const searchParams = useSearchParams();
  const router = useRouter();
  const [creating, setCreating] = useState(searchParams.get("new") === "1");
  const projects = useProjects();
  const create = useCreateProject();

  return (
    <div className="mx-auto w-full max-w-3xl space-y-6 px-4 py-8 sm:px-6 sm:py-12">
      <div className="flex items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold tracking-tight">Projects</h1>
        {!creating && (
          <Button onClick={() => setCreating(true)} data-testid="project-new">
            <PlusIcon />
            New project
          </Button>
        )}
      </div>

      {creating && (
        <Card className="p-6">
          <h2 className="mb-4 text-base font-semibold">New project</h2>
          <ProjectForm
            submitLabel="Create project"
            pending={create.isPending}
            error={create.error?.message}
            onCancel={() => setCreating(false)}
            onSubmit={(fields) =>
              create.mutate(fields, {
                onSuccess: ({ project }) => {
                  setCreating(false);
                  router.push(`/projects/${project.id}`);
                },
              })
            }
          />
        </Card>
      )}

      {projects.isPending && (
        <div className="flex justify-center py-12" role="status" aria-label="Loading projects">
          <Spinner className="size-6 text-zinc-400" />
        </div>
      )}
      {projects.isError && (
        <div role="alert" className="text-sm text-red-700 dark:text-red-400">
          Could not load projects: {projects.error.message}{" "}
          <button type="button" className="cursor-pointer underline" onClick={() => projects.refetch()}>
            Try again
          </button>
        </div>
      )}
      {projects.isSuccess && projects.data.items.length === 0 && !creating && (
        <Card className="flex flex-col items-center gap-3 p-10 text-center" data-testid="projects-empty">
          <FolderIcon className="size-8 text-zinc-400" />
          <p className="font-medium">No projects yet</p>
          <p className="max-w-sm text-sm text-zinc-600 dark:text-zinc-400">
            A project groups related chats and gives them shared instructions, such as a tone or background facts.
          </p>
        </Card>
      )}
      {projects.isSuccess && projects.data.items.length > 0 && (
        <ul className="grid gap-3 sm:grid-cols-2">
          {projects.data.items.map((project) => (
            <li key={project.id}>
              <ProjectCard project={project} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ProjectCard({ project }: { project: ProjectItem }) {
  return (
    <Link
      href={`/projects/${project.id}`}
      data-testid="project-card"
      className="block rounded-xl border border-zinc-200 bg-white p-4 hover:border-zinc-300 focus-visible:outline-2 focus-visible:outline-zinc-900 dark:border-zinc-800 dark:bg-zinc-900 dark:hover:border-zinc-700"
      style={project.color ? { borderLeftColor: project.color, borderLeftWidth: 4 } : undefined}
    >
      <div className="flex items-center gap-2 font-medium">
        <span aria-hidden="true">{project.emoji ?? "📁"}</span>
        <span className="truncate">{project.name}</span>
        {project.visibility === "workspace" && (
          <span data-testid="project-shared-badge" className="ml-auto shrink-0 rounded-full bg-zinc-100 px-2 py-0.5 text-xs font-normal text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">
            Shared
          </span>
        )}
      </div>
      {project.description && <p className="mt-1 line-clamp-2 text-sm text-zinc-600 dark:text-zinc-400">{project.description}</p>}
      <ProjectStats project={project} />
    </Link>
  );
}

export function ProjectStats({ project }: { project: ProjectItem }) {
  const { conversations, messages, tokens } = project.stats;
  return (
    <p className="mt-3 text-xs text-zinc-500 dark:text-zinc-400" data-testid="project-stats">
      {conversations} {conversations === 1 ? "chat" : "chats"} · {messages} messages · {tokens.toLocaleString()} tokens
    </p>
  );
}
