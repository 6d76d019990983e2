// Live search for the palette: keyed under ["conversations"] so new chats refresh results too.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/components/api/fetcher";
import type { Jsonified } from "@/lib/jsonified";
import type { SearchResult } from "@/lib/search/schemas";

export type SearchHit = Jsonified<SearchResult>;
export type SnippetPart = SearchHit["snippet"][number];

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
