"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CatalogueModel } from "@/lib/ai/catalogue";
import type { ChatSettingsInput, ConversationView } from "@/lib/chat/schemas";
import { apiFetch } from "@/components/api/fetcher";

export const chatKeys = {
  models: ["chat", "models"] as const,
  view: (conversationId: string) => ["chat", "view", conversationId] as const,
};

/** Models that have a configured key; an empty list means no provider is set up yet. */
export function useModels() {
  return useQuery({
    queryKey: chatKeys.models,
    queryFn: async () => (await apiFetch<{ items: CatalogueModel[] }>("/api/v1/chat/models")).items,
    staleTime: 5 * 60_000,
  });
}

/** A reply another tab (or a reload) is still generating shows up as it settles. */
const STREAMING_POLL_MS = 1000;

export function useConversationView(conversationId: string | undefined, initialView?: ConversationView) {
  return useQuery({
    queryKey: chatKeys.view(conversationId ?? "new"),
    queryFn: () => apiFetch<ConversationView>(`/api/v1/chat/${conversationId}`),
    enabled: Boolean(conversationId),
    initialData: initialView,
    staleTime: 0,
    refetchOnWindowFocus: false,
    refetchInterval: (query) =>
      query.state.data?.messages.some((message) => message.status === "streaming") ? STREAMING_POLL_MS : false,
  });
}

export function useSwitchVersion(conversationId: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (messageId: string) =>
      apiFetch<ConversationView>(`/api/v1/chat/${conversationId}/branch`, { body: { messageId } }),
    onSuccess: (view) => queryClient.setQueryData(chatKeys.view(view.conversation.id), view),
  });
}

export function useUpdateChatSettings(conversationId: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: ChatSettingsInput) =>
      apiFetch<ConversationView>(`/api/v1/chat/${conversationId}`, { method: "PATCH", body: settings }),
    onSuccess: (view) => queryClient.setQueryData(chatKeys.view(view.conversation.id), view),
  });
}

/** Ends the reply on the server (it keeps what arrived); works for a reply started in another tab. */
export function requestStop(conversationId: string) {
  return apiFetch<{ stopping: number }>(`/api/v1/chat/${conversationId}/stop`, { body: {} });
}
