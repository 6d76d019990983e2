// Full-text search over my messages and conversation titles: generated tsvector columns with
// GIN indexes, websearch_to_tsquery syntax, ts_rank_cd ranking, ts_headline snippets, pg_trgm
// for fuzzy titles. One SQL statement per page (strategies.ts); the same SQL runs on PGlite and
// PostgreSQL. This file picks the strategy and shapes the results.
import "server-only";
import { toSummaryFields } from "@/lib/conversations/summary-sql";
import { AppError } from "@/lib/errors";
import type { WorkspaceScope } from "@/lib/workspaces/current";
import { readableConversationSql } from "@/lib/workspaces/visibility";
import { decodeSearchCursor, encodeSearchCursor, type SearchCursor, type Strategy } from "./cursor";
import { buildSearchFilters } from "./filters";
import { parseSearchQuery, plainSnippetText, searchConfigFor, toSnippetParts, type ParsedSearch, type SnippetPart } from "./query";
import type { SearchQuery, SearchResult } from "./schemas";
import { countMatches, listFilteredConversations, searchRanked, searchRecent, type SearchRow } from "./strategies";

/**
 * Up to this many matching messages are ranked all together (best first). Past it the words are
 * common (every conversation has them), ranking them all costs ~0.5 s per million messages, and
 * the newest matching conversations are the useful answer: the search walks conversations newest
 * first and shows each one's best-ranked message.
 */
export const RANKED_MAX_MATCHES = 2000;

/** A later page keeps its first page's strategy; a first page asks how common the words are. */
async function chooseStrategy(options: {
  scope: WorkspaceScope;
  text: string;
  config: "english" | "simple";
  cursor: SearchCursor | undefined;
}): Promise<Strategy> {
  const { scope, text, config, cursor } = options;
  if (cursor) return cursor.strategy;
  const matches = await countMatches({ scope: readableConversationSql(scope), text, config, limit: RANKED_MAX_MATCHES + 1 });
  return matches > RANKED_MAX_MATCHES ? "recent" : "ranked";
}

function openingSnippet(opening: string | null): SnippetPart[] {
  if (!opening) return [];
  const text = plainSnippetText(opening).trim();
  return [{ text: text.length > 200 ? `${text.slice(0, 200).trimEnd()}…` : text, highlight: false }];
}

function toSearchResult(row: SearchRow, parsed: ParsedSearch): SearchResult {
  const { title, project, tags, pinned, archived } = toSummaryFields(row);
  return {
    conversationId: row.cid,
    title,
    titleSnippet: row.titleHeadline ? toSnippetParts(row.titleHeadline) : [{ text: title, highlight: false }],
    project,
    tags,
    pinned,
    archived,
    match: row.mid ? "message" : parsed.text ? "title" : "filter",
    messageId: row.mid,
    role: row.role,
    // A title-only match shows how the conversation opens, so the result still says something.
    snippet: row.headline ? toSnippetParts(row.headline) : openingSnippet(row.opening),
    at: row.messageAt ?? row.updatedAt,
  };
}

/** What the caller may read in the workspace: their own conversations and those in shared projects. */
export async function searchConversations(options: WorkspaceScope & SearchQuery) {
  const parsed = parseSearchQuery(options.q);
  const cursor = options.cursor ? decodeSearchCursor(options.cursor) : undefined;
  const page = { filters: await buildSearchFilters(options, parsed), cursor, take: options.limit + 1 };

  let rows: SearchRow[];
  let strategy: Strategy = "recent";
  if (!parsed.text) {
    if (cursor && cursor.strategy !== "recent") throw new AppError("validation_failed", "cursor: not from this search.");
    rows = await listFilteredConversations(page);
  } else {
    const words = { ...page, text: parsed.text, config: searchConfigFor(parsed.text) };
    strategy = await chooseStrategy({ scope: options, ...words });
    rows = strategy === "ranked" ? await searchRanked(words) : await searchRecent(words);
  }

  const shown = rows.slice(0, options.limit);
  const last = shown.at(-1);
  return {
    items: shown.map((row) => toSearchResult(row, parsed)),
    nextCursor:
      rows.length > options.limit && last ? encodeSearchCursor({ strategy, score: BigInt(last.score), id: last.cid }) : null,
  };
}
