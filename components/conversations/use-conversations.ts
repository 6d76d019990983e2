// TanStack Query hooks for conversation lists and organising. Every key starts with
// ["conversations"], so one invalidateQueries({ queryKey: ["conversations"] }) (e.g. after the
// chat page creates a conversation) refreshes the sidebar, the tags and search results.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/components/api/fetcher";
import type { ConversationSummary } from "@/lib/conversations/schemas";
import type { Jsonified } from "@/lib/jsonified";

export type ConversationItem = Jsonified<ConversationSummary>;

export interface ConversationFilters {
  projectId?: string;
  tag?: string;
  pinned?: boolean;
  archived?: boolean;
}

interface Page {
  items: ConversationItem[];
  nextCursor: string | null;
}

export const conversationKeys = {
  all: ["conversations"] as const,
  list: (filters: ConversationFilters) => ["conversations", "list", filters] as const,
  tags: ["conversations", "tags"] as const,
  search: (q: string) => ["conversations", "search", q] as const,
};

function listPath(filters: ConversationFilters, cursor: string | null, limit: number) {
  const params = new URLSearchParams({ limit: String(limit) });
  if (filters.projectId) params.set("projectId", filters.projectId);
  if (filters.tag) params.set("tag", filters.tag);
  if (filters.pinned !== undefined) params.set("pinned", String(filters.pinned));
  if (filters.archived) params.set("archived", "true");
  if (cursor) params.set("cursor", cursor);
  return `/api/v1/conversations?${params}`;
}

export function useConversationList(filters: ConversationFilters, options: { enabled?: boolean; limit?: number } = {}) {
  const limit = options.limit ?? 30;
  return useInfiniteQuery({
    queryKey: conversationKeys.list(filters),
    queryFn: ({ pageParam, signal }) => apiFetch<Page>(listPath(filters, pageParam, limit), { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: options.enabled ?? true,
  });
}

export interface ConversationChange {
  title?: string;
  pinned?: boolean;
  archived?: boolean;
  projectId?: string | null;
  tags?: string[];
}

/** After any change the lists refetch; project stats may have moved too. */
function useInvalidateAfter() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: conversationKeys.all }),
      queryClient.invalidateQueries({ queryKey: ["projects"] }),
    ]);
}

export function useUpdateConversation() {
  const invalidate = useInvalidateAfter();
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: ConversationChange }) =>
      apiFetch<{ conversation: ConversationItem }>(`/api/v1/conversations/${id}`, { method: "PATCH", body: change }),
    onSettled: invalidate,
  });
}

export function useDeleteConversation() {
  const invalidate = useInvalidateAfter();
  return useMutation({
    mutationFn: (id: string) => apiFetch<{ id: string }>(`/api/v1/conversations/${id}`, { method: "DELETE" }),
    onSettled: invalidate,
  });
}

export function useRestoreConversation() {
  const invalidate = useInvalidateAfter();
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch<{ conversation: ConversationItem }>(`/api/v1/conversations/${id}/restore`, { method: "POST" }),
    onSettled: invalidate,
  });
}

export function useCreateConversation() {
  const invalidate = useInvalidateAfter();
  return useMutation({
    mutationFn: (input: { title?: string; projectId?: string }) =>
      apiFetch<{ conversation: ConversationItem }>("/api/v1/conversations", { method: "POST", body: input }),
    onSettled: invalidate,
  });
}

export function useTags() {
  return useQuery({
    queryKey: conversationKeys.tags,
    queryFn: ({ signal }) => apiFetch<{ items: { name: string; count: number }[] }>("/api/v1/conversations/tags", { signal }),
  });
}
