// TanStack Query hooks for projects. Keys start with ["projects"].
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/components/api/fetcher";
import type { Jsonified } from "@/lib/jsonified";
import type { CreateProjectInput, ProjectView } from "@/lib/projects/schemas";

export type ProjectItem = Jsonified<ProjectView>;
export type ProjectFields = CreateProjectInput;

export const projectKeys = {
  all: ["projects"] as const,
  list: ["projects", "list"] as const,
  one: (id: string) => ["projects", "one", id] as const,
};

/** Up to 100 projects: the sidebar and pickers show them all. */
export function useProjects() {
  return useQuery({
    queryKey: projectKeys.list,
    queryFn: ({ signal }) =>
      apiFetch<{ items: ProjectItem[]; nextCursor: string | null }>("/api/v1/projects?limit=100", { signal }),
  });
}

export function useProject(id: string) {
  return useQuery({
    queryKey: projectKeys.one(id),
    queryFn: ({ signal }) => apiFetch<{ project: ProjectItem }>(`/api/v1/projects/${id}`, { signal }),
  });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: projectKeys.all }),
      queryClient.invalidateQueries({ queryKey: ["conversations"] }),
    ]);
}

export function useCreateProject() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (fields: ProjectFields) => apiFetch<{ project: ProjectItem }>("/api/v1/projects", { method: "POST", body: fields }),
    onSuccess: invalidate,
  });
}

export function useUpdateProject() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, fields }: { id: string; fields: Partial<ProjectFields> }) =>
      apiFetch<{ project: ProjectItem }>(`/api/v1/projects/${id}`, { method: "PATCH", body: fields }),
    onSuccess: invalidate,
  });
}

export function useDeleteProject() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, conversations }: { id: string; conversations: "move" | "delete" }) =>
      apiFetch<unknown>(`/api/v1/projects/${id}?conversations=${conversations}`, { method: "DELETE" }),
    onSuccess: invalidate,
  });
}
