// The three ways a search page is read, one SQL statement each: operators only (newest matching
// conversations), rare words (every match ranked by relevance) and common words (newest
// conversations first, each with its best-ranked message). Each returns one row per result with
// the conversation's summary; `c` names the conversation, `m` the message, `pr` the project.
import "server-only";
import { activeBefore, projectJoin, summaryColumns, type SummaryColumns } from "@/lib/conversations/summary-sql";
import { db, Prisma } from "@/lib/db";
import type { SearchCursor } from "./cursor";
import type { SearchFilters } from "./filters";
import { HIGHLIGHT_START, HIGHLIGHT_STOP } from "./query";

/** Fuzzy (trigram) title matching only from this many characters: shorter ones match everything. */
export const FUZZY_MIN_CHARS = 3;
/** Title matches considered per query (the trigram scan must be bounded). */
const TITLE_CANDIDATES = 200;

const HEADLINE_OPTIONS =
  `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, MaxWords=30, MinWords=12, ShortWord=2, ` +
  `MaxFragments=2, FragmentDelimiter=" … "`;
const TITLE_HEADLINE_OPTIONS = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, HighlightAll=true`;

export interface SearchRow extends SummaryColumns {
  cid: string;
  mid: string | null;
  score: bigint | number | string;
  titleHeadline: string | null;
  headline: string | null;
  opening: string | null;
  role: "user" | "assistant" | "system" | null;
  messageAt: Date | null;
}

/** A page of results, with the words to match when there are any. */
export interface PageRequest {
  filters: SearchFilters;
  cursor: SearchCursor | undefined;
  /** One more than the page, to tell whether another follows. */
  take: number;
}

export interface WordsRequest extends PageRequest {
  text: string;
  config: "english" | "simple";
}

// Shared tail: the page's rows with their summary and opening message.
const details = Prisma.sql`${summaryColumns},
  (SELECT fm.content FROM "Message" fm WHERE fm."conversationId" = c.id AND fm.content <> ''
    ORDER BY fm."createdAt" LIMIT 1) AS opening`;

const recentCursor = (cursor: SearchCursor | undefined) =>
  cursor ? activeBefore(new Date(Number(cursor.score)), cursor.id) : Prisma.sql`TRUE`;

const tsqueryOf = (request: WordsRequest) => Prisma.sql`websearch_to_tsquery(${request.config}::regconfig, ${request.text})`;

const headlinesOf = (request: WordsRequest) => Prisma.sql`
  ts_headline(${request.config}::regconfig, c.title, q.query, ${TITLE_HEADLINE_OPTIONS}) AS "titleHeadline",
  CASE WHEN m.id IS NULL THEN NULL ELSE ts_headline(${request.config}::regconfig, m.content, q.query, ${HEADLINE_OPTIONS}) END AS headline,
  m.role::text AS role, m."createdAt" AS "messageAt"`;

const titlesWanted = (filters: SearchFilters) => (filters.messagesOnly ? Prisma.sql`FALSE` : Prisma.sql`TRUE`);

/** Operators only: the matching conversations, newest activity first. */
export function listFilteredConversations({ filters, cursor, take }: PageRequest): Promise<SearchRow[]> {
  return db().$queryRaw<SearchRow[]>`
    WITH page AS (
      SELECT c.id AS cid, (extract(epoch FROM c."updatedAt") * 1000)::bigint AS score
      FROM "Conversation" c WHERE ${filters.conversations} AND ${filters.activity} AND ${recentCursor(cursor)}
      ORDER BY c."updatedAt" DESC, c.id DESC LIMIT ${take}
    )
    SELECT p.cid, NULL::text AS mid, p.score, NULL::text AS "titleHeadline", NULL::text AS headline,
      NULL::text AS role, NULL::timestamp AS "messageAt", ${details}
    FROM page p JOIN "Conversation" c ON c.id = p.cid ${projectJoin}
    ORDER BY p.score DESC, p.cid DESC`;
}

/**
 * How many of the user's messages match, counted up to `limit`, so a common word costs the same
 * as a rare one. Filters are left out on purpose: finding the limit inside one small project can
 * mean reading every match outside it, while the newest-first walk is bounded by the filtered
 * conversations.
 */
export async function countMatches(options: { scope: Prisma.Sql; text: string; config: WordsRequest["config"]; limit: number }) {
  const [probe] = await db().$queryRaw<{ matches: number }[]>`
    WITH q AS (SELECT websearch_to_tsquery(${options.config}::regconfig, ${options.text}) AS query)
    SELECT count(*)::int AS matches FROM (
      SELECT 1 FROM q, "Message" m JOIN "Conversation" c ON c.id = m."conversationId"
      WHERE m."searchVector" @@ q.query AND ${options.scope} AND c."deletedAt" IS NULL
      LIMIT ${options.limit}
    ) matches`;
  return probe!.matches;
}

/** Rare words: every matching message and title scored, best first; a title match counts double. */
export function searchRanked(request: WordsRequest): Promise<SearchRow[]> {
  const { filters, cursor, take, text } = request;
  // Fuzzy titles are for plain words with typos; phrases, exclusions and OR mean exactly that.
  const plainWords = !/"|(^|\s)-\S|\sOR\s/.test(text);
  const fuzzy = plainWords && text.length >= FUZZY_MIN_CHARS ? Prisma.sql`${text} <% c.title` : Prisma.sql`FALSE`;
  const rankedCursor = cursor ? Prisma.sql`(s.score, s.cid) < (${cursor.score}::bigint, ${cursor.id})` : Prisma.sql`TRUE`;
  return db().$queryRaw<SearchRow[]>`
    WITH q AS (SELECT ${tsqueryOf(request)} AS query),
    hits AS (
      SELECT DISTINCT ON (m."conversationId") m."conversationId" AS cid, m.id AS mid,
        ts_rank_cd(m."searchVector", q.query, 32) AS rank
      FROM q, "Message" m JOIN "Conversation" c ON c.id = m."conversationId"
      WHERE m."searchVector" @@ q.query AND ${filters.conversations} AND ${filters.messages}
      ORDER BY m."conversationId", rank DESC, m."createdAt" DESC
    ),
    titles AS (
      SELECT c.id AS cid,
        CASE WHEN c."searchVector" @@ q.query THEN ts_rank_cd(c."searchVector", q.query, 32) ELSE 0 END AS rank,
        word_similarity(${text}, c.title) AS sim
      FROM q, "Conversation" c
      WHERE ${titlesWanted(filters)} AND ${filters.conversations} AND ${filters.activity}
        AND (c."searchVector" @@ q.query OR ${fuzzy})
      LIMIT ${TITLE_CANDIDATES}
    ),
    scored AS (
      SELECT coalesce(h.cid, t.cid) AS cid, h.mid,
        round((coalesce(h.rank, 0) + 2 * coalesce(t.rank, 0) + coalesce(t.sim, 0)) * 1000000)::bigint AS score
      FROM hits h FULL OUTER JOIN titles t ON t.cid = h.cid
    ),
    page AS (
      SELECT * FROM scored s WHERE ${rankedCursor} ORDER BY s.score DESC, s.cid DESC LIMIT ${take}
    )
    SELECT p.cid, p.mid, p.score, ${headlinesOf(request)}, ${details}
    FROM q, page p JOIN "Conversation" c ON c.id = p.cid
      LEFT JOIN "Message" m ON m.id = p.mid ${projectJoin}
    ORDER BY p.score DESC, p.cid DESC`;
}

/** Common words: newest conversations first, each with its best-ranked matching message. */
export function searchRecent(request: WordsRequest): Promise<SearchRow[]> {
  const { filters, cursor, take } = request;
  return db().$queryRaw<SearchRow[]>`
    WITH q AS (SELECT ${tsqueryOf(request)} AS query),
    page AS (
      SELECT c.id AS cid, best.mid, (extract(epoch FROM c."updatedAt") * 1000)::bigint AS score
      FROM q CROSS JOIN "Conversation" c
      LEFT JOIN LATERAL (
        -- coalesce keeps the planner off the GIN index here: scanning a word's whole posting
        -- list once per conversation costs far more than filtering one conversation's messages.
        SELECT m.id AS mid FROM "Message" m
        WHERE ${filters.span} AND m."conversationId" = c.id
          AND coalesce(m."searchVector", ''::tsvector) @@ q.query AND ${filters.messages}
        ORDER BY ts_rank_cd(m."searchVector", q.query, 32) DESC, m."createdAt" DESC
        LIMIT 1
      ) best ON TRUE
      WHERE ${filters.conversations} AND ${recentCursor(cursor)}
        AND (best.mid IS NOT NULL OR (${titlesWanted(filters)} AND ${filters.activity} AND c."searchVector" @@ q.query))
      ORDER BY c."updatedAt" DESC, c.id DESC
      LIMIT ${take}
    )
    SELECT p.cid, p.mid, p.score, ${headlinesOf(request)}, ${details}
    FROM q, page p JOIN "Conversation" c ON c.id = p.cid
      LEFT JOIN "Message" m ON m.id = p.mid ${projectJoin}
    ORDER BY p.score DESC, p.cid DESC`;
}
