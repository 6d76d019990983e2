// Live search for the palette: keyed under ["conversations"] so new chats refresh results too.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/components/api/fetcher";

export interface SnippetPart {
  text: string;
  highlight: boolean;
}

export interface SearchHit {
  conversationId: string;
  title: string;
  titleSnippet: SnippetPart[];
  project: { id: string; name: string; emoji: string | null; color: string | null } | null;
  tags: string[];
  pinned: boolean;
  archived: boolean;
  match: "message" | "title" | "filter";
  messageId: string | null;
  role: "user" | "assistant" | "system" | null;
  snippet: SnippetPart[];
  at: string;
}

export function useSearch(q: string) {
  const query = q.trim();
  return useQuery({
    queryKey: ["conversations", "search", query],
    queryFn: ({ signal }) =>
      apiFetch<{ items: SearchHit[]; nextCursor: string | null }>(
        `/api/v1/conversations/search?limit=20&q=${encodeURIComponent(query)}`,
        { signal },
      ),
    enabled: query.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}
