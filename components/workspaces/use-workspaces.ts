// TanStack Query hooks for workspaces, members and invites. Keys start with ["workspaces"].
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/components/api/fetcher";
import type { Jsonified } from "@/lib/jsonified";
import type { InviteView, WorkspaceView } from "@/lib/workspaces/schemas";

export type WorkspaceItem = Jsonified<WorkspaceView>;
export type InviteItem = Jsonified<InviteView>;
export interface MemberItem {
  userId: string;
  email: string;
  name: string | null;
  role: WorkspaceView["role"];
  joinedAt: string;
}

/** The cookie the server reads for the browser's current workspace (lib/workspaces/current.ts). */
const WORKSPACE_COOKIE = "bc_workspace";

export const workspaceKeys = {
  all: ["workspaces"] as const,
  list: ["workspaces", "list"] as const,
  members: (id: string) => ["workspaces", "members", id] as const,
  invites: (id: string) => ["workspaces", "invites", id] as const,
};

export function useWorkspaces() {
  return useQuery({
    queryKey: workspaceKeys.list,
    queryFn: ({ signal }) => apiFetch<{ items: WorkspaceItem[] }>("/api/v1/workspaces", { signal }),
  });
}

/**
 * Makes `id` the browser's workspace and drops every cached answer: lists, projects and
 * conversations all belong to the workspace the request is in.
 */
export function useSwitchWorkspace() {
  const queryClient = useQueryClient();
  return (id: string) => {
    document.cookie = `${WORKSPACE_COOKIE}=${encodeURIComponent(id)}; path=/; max-age=31536000; samesite=lax`;
    queryClient.clear();
  };
}

export function useCreateWorkspace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => apiFetch<{ workspace: WorkspaceItem }>("/api/v1/workspaces", { method: "POST", body: { name } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workspaceKeys.all }),
  });
}

export function useMembers(workspaceId: string) {
  return useQuery({
    queryKey: workspaceKeys.members(workspaceId),
    queryFn: ({ signal }) => apiFetch<{ items: MemberItem[] }>(`/api/v1/workspaces/${workspaceId}/members`, { signal }),
  });
}

export function useInvites(workspaceId: string, enabled: boolean) {
  return useQuery({
    queryKey: workspaceKeys.invites(workspaceId),
    queryFn: ({ signal }) => apiFetch<{ items: InviteItem[] }>(`/api/v1/workspaces/${workspaceId}/invites`, { signal }),
    enabled,
  });
}

function useInvalidateWorkspaces() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: workspaceKeys.all });
}

export function useInvite(workspaceId: string) {
  const invalidate = useInvalidateWorkspaces();
  return useMutation({
    mutationFn: (fields: { email: string; role: "admin" | "member" }) =>
      apiFetch<{ invite: InviteItem }>(`/api/v1/workspaces/${workspaceId}/invites`, { method: "POST", body: fields }),
    onSuccess: invalidate,
  });
}

export function useRevokeInvite(workspaceId: string) {
  const invalidate = useInvalidateWorkspaces();
  return useMutation({
    mutationFn: (inviteId: string) => apiFetch<unknown>(`/api/v1/workspaces/${workspaceId}/invites/${inviteId}`, { method: "DELETE" }),
    onSuccess: invalidate,
  });
}

export function useChangeRole(workspaceId: string) {
  const invalidate = useInvalidateWorkspaces();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: "admin" | "member" }) =>
      apiFetch<unknown>(`/api/v1/workspaces/${workspaceId}/members/${userId}`, { method: "PATCH", body: { role } }),
    onSuccess: invalidate,
  });
}

export function useRemoveMember(workspaceId: string) {
  const invalidate = useInvalidateWorkspaces();
  return useMutation({
    mutationFn: (userId: string) => apiFetch<unknown>(`/api/v1/workspaces/${workspaceId}/members/${userId}`, { method: "DELETE" }),
    onSuccess: invalidate,
  });
}

export function useAcceptInvite() {
  return useMutation({
    mutationFn: (token: string) => apiFetch<{ workspace: WorkspaceItem }>("/api/v1/workspaces/invites/accept", { method: "POST", body: { token } }),
  });
}
