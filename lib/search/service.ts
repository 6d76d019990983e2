// Full-text search over my messages and conversation titles: generated tsvector columns with
// GIN indexes, websearch_to_tsquery syntax, ts_rank_cd ranking, ts_headline snippets, pg_trgm
// for fuzzy titles. One SQL statement per page; the same SQL runs on PGlite and PostgreSQL.
import "server-only";
import { db, Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import {
  HIGHLIGHT_START,
  HIGHLIGHT_STOP,
  parseSearchQuery,
  searchConfigFor,
  toSnippetParts,
  type SnippetPart,
} from "./query";
import type { SearchQuery, SearchResult } from "./schemas";

/** Fuzzy (trigram) title matching only from this many characters: shorter ones match everything. */
export const FUZZY_MIN_CHARS = 3;
/** Title matches considered per query (the trigram scan must be bounded). */
const TITLE_CANDIDATES = 200;
/**
 * Up to this many matching messages are ranked all together (best first). Past it the words are
 * common (every conversation has them), ranking them all costs ~0.5 s per million messages, and
 * the newest matching conversations are the useful answer: the search walks conversations newest
 * first and shows each one's best-ranked message.
 */
export const RANKED_MAX_MATCHES = 2000;
const DAY_MS = 24 * 60 * 60 * 1000;

const HEADLINE_OPTIONS =
  `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, MaxWords=30, MinWords=12, ShortWord=2, ` +
  `MaxFragments=2, FragmentDelimiter=" … "`;
const TITLE_HEADLINE_OPTIONS = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, HighlightAll=true`;

/** `ranked`: ordered by relevance; `recent`: by last activity (common words, or operators only). */
type Strategy = "ranked" | "recent";

interface SearchCursor {
  strategy: Strategy;
  /** Relevance ×1e6 (ranked) or last activity in epoch ms (recent). */
  score: bigint;
  id: string;
}

function encodeSearchCursor(cursor: SearchCursor): string {
  return Buffer.from(`${cursor.strategy === "ranked" ? "r" : "t"}|${cursor.score}|${cursor.id}`).toString("base64url");
}

function decodeSearchCursor(raw: string): SearchCursor {
  const [strategy, score, id] = Buffer.from(raw, "base64url").toString("utf8").split("|");
  if (!id || !score || (strategy !== "r" && strategy !== "t") || !/^-?\d{1,20}$/.test(score)) {
    throw new AppError("validation_failed", "cursor: not a cursor from this API.");
  }
  return { strategy: strategy === "r" ? "ranked" : "recent", score: BigInt(score), id };
}

interface Row {
  cid: string;
  mid: string | null;
  score: bigint | number | string;
  title: string;
  titleHeadline: string | null;
  headline: string | null;
  opening: string | null;
  role: "user" | "assistant" | "system" | null;
  messageAt: Date | null;
  updatedAt: Date;
  pinnedAt: Date | null;
  archivedAt: Date | null;
  projectId: string | null;
  projectName: string | null;
  projectEmoji: string | null;
  projectColor: string | null;
  tags: string[] | null;
}

/** `project:` takes an id or a name (case-insensitive); `none` means in no project. */
async function projectFilter(userId: string, value: string | undefined, projectId: string | undefined) {
  const clauses: Prisma.Sql[] = [];
  if (projectId) clauses.push(Prisma.sql`c."projectId" = ${projectId}`);
  if (value) {
    if (value.toLowerCase() === "none") {
      clauses.push(Prisma.sql`c."projectId" IS NULL`);
    } else {
      const project = await db().project.findFirst({
        where: { userId, OR: [{ id: value }, { name: { equals: value, mode: "insensitive" } }] },
        select: { id: true },
      });
      clauses.push(project ? Prisma.sql`c."projectId" = ${project.id}` : Prisma.sql`FALSE`);
    }
  }
  return clauses;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}

function dayAfter(isoDay: string): Date {
  return new Date(Date.parse(`${isoDay}T00:00:00Z`) + DAY_MS);
}

function latest(dates: (Date | undefined)[]): Date | undefined {
  const defined = dates.filter((date): date is Date => date !== undefined);
  return defined.length ? new Date(Math.max(...defined.map((date) => date.getTime()))) : undefined;
}

function earliest(dates: (Date | undefined)[]): Date | undefined {
  const defined = dates.filter((date): date is Date => date !== undefined);
  return defined.length ? new Date(Math.min(...defined.map((date) => date.getTime()))) : undefined;
}

function openingSnippet(opening: string | null): SnippetPart[] {
  if (!opening) return [];
  const text = opening.replace(/\s+/g, " ").trim();
  return [{ text: text.length > 200 ? `${text.slice(0, 200).trimEnd()}…` : text, highlight: false }];
}

export async function searchConversations(options: { userId: string } & SearchQuery) {
  const { userId } = options;
  const parsed = parseSearchQuery(options.q);
  const cursor = options.cursor ? decodeSearchCursor(options.cursor) : undefined;
  const after = latest([parsed.after, options.from ? new Date(`${options.from}T00:00:00Z`) : undefined]);
  const before = earliest([parsed.before, options.to ? dayAfter(options.to) : undefined]);

  const conversationClauses: Prisma.Sql[] = [
    Prisma.sql`c."userId" = ${userId}`,
    Prisma.sql`c."deletedAt" IS NULL`,
    ...(await projectFilter(userId, parsed.project, options.projectId)),
    ...parsed.tags.map(
      (tag) => Prisma.sql`EXISTS (SELECT 1 FROM "ConversationTag" ct JOIN "Tag" t ON t.id = ct."tagId"
        WHERE ct."conversationId" = c.id AND t."userId" = ${userId} AND t.name = ${tag})`,
    ),
  ];
  const modelPattern = parsed.model ? `%${escapeLike(parsed.model)}%` : undefined;
  // With words, model: is about the matching message (a reply by that model); with operators
  // only, about any reply in the conversation.
  if (modelPattern && !parsed.text) {
    conversationClauses.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "Message" mm WHERE mm."conversationId" = c.id AND mm."modelId" ILIKE ${modelPattern})`,
    );
  }
  const conversationWhere = Prisma.join(conversationClauses, " AND ");
  const messageWhere = Prisma.join(
    [
      Prisma.sql`TRUE`,
      ...(options.role ? [Prisma.sql`m.role = ${options.role}::"MessageRole"`] : []),
      ...(modelPattern ? [Prisma.sql`m."modelId" ILIKE ${modelPattern}`] : []),
      ...(after ? [Prisma.sql`m."createdAt" >= ${after}`] : []),
      ...(before ? [Prisma.sql`m."createdAt" < ${before}`] : []),
    ],
    " AND ",
  );
  const activityWhere = Prisma.join(
    [
      Prisma.sql`TRUE`,
      ...(after ? [Prisma.sql`c."updatedAt" >= ${after}`] : []),
      ...(before ? [Prisma.sql`c."updatedAt" < ${before}`] : []),
    ],
    " AND ",
  );
  const rankedCursor = cursor ? Prisma.sql`(s.score, s.cid) < (${cursor.score}::bigint, ${cursor.id})` : Prisma.sql`TRUE`;
  const cursorAt = cursor ? new Date(Number(cursor.score)) : undefined;
  const recentCursor = cursor
    ? Prisma.sql`(c."updatedAt" < ${cursorAt} OR (c."updatedAt" = ${cursorAt} AND c.id < ${cursor.id}))`
    : Prisma.sql`TRUE`;
  const take = options.limit + 1;

  // Shared tail: the page's rows with their conversation, project, tags and opening message.
  const details = Prisma.sql`
    c.title, c."updatedAt", c."pinnedAt", c."archivedAt", c."projectId",
    pr.name AS "projectName", pr.emoji AS "projectEmoji", pr.color AS "projectColor",
    (SELECT array_agg(t.name ORDER BY t.name) FROM "ConversationTag" ct JOIN "Tag" t ON t.id = ct."tagId"
      WHERE ct."conversationId" = c.id) AS tags,
    (SELECT fm.content FROM "Message" fm WHERE fm."conversationId" = c.id AND fm.content <> ''
      ORDER BY fm."createdAt" LIMIT 1) AS opening`;

  let rows: Row[];
  let strategy: Strategy = "recent";
  if (!parsed.text) {
    if (cursor && cursor.strategy !== "recent") throw new AppError("validation_failed", "cursor: not from this search.");
    // Operators only: the matching conversations, newest activity first.
    rows = await db().$queryRaw<Row[]>`
      WITH page AS (
        SELECT c.id AS cid, (extract(epoch FROM c."updatedAt") * 1000)::bigint AS score
        FROM "Conversation" c WHERE ${conversationWhere} AND ${activityWhere} AND ${recentCursor}
        ORDER BY c."updatedAt" DESC, c.id DESC LIMIT ${take}
      )
      SELECT p.cid, NULL::text AS mid, p.score, NULL::text AS "titleHeadline", NULL::text AS headline,
        NULL::text AS role, NULL::timestamp AS "messageAt", ${details}
      FROM page p JOIN "Conversation" c ON c.id = p.cid LEFT JOIN "Project" pr ON pr.id = c."projectId"
      ORDER BY p.score DESC, p.cid DESC`;
  } else {
    const config = searchConfigFor(parsed.text);
    const tsquery = Prisma.sql`websearch_to_tsquery(${config}::regconfig, ${parsed.text})`;
    // Role and model filters are about messages: a title cannot match them.
    const titlesWanted = options.role || modelPattern ? Prisma.sql`FALSE` : Prisma.sql`TRUE`;
    const headlines = Prisma.sql`
      ts_headline(${config}::regconfig, c.title, q.query, ${TITLE_HEADLINE_OPTIONS}) AS "titleHeadline",
      CASE WHEN m.id IS NULL THEN NULL ELSE ts_headline(${config}::regconfig, m.content, q.query, ${HEADLINE_OPTIONS}) END AS headline,
      m.role::text AS role, m."createdAt" AS "messageAt"`;

    if (cursor) {
      strategy = cursor.strategy;
    } else {
      // How common are the words among all my messages? Counting stops at the limit, so this
      // costs the same for a common word as for a rare one. Filters are left out on purpose:
      // finding 2,000 matches inside one small project can mean reading every match outside it,
      // while the newest-first walk below is bounded by the filtered conversations.
      const [probe] = await db().$queryRaw<{ matches: number }[]>`
        WITH q AS (SELECT ${tsquery} AS query)
        SELECT count(*)::int AS matches FROM (
          SELECT 1 FROM q, "Message" m JOIN "Conversation" c ON c.id = m."conversationId"
          WHERE m."searchVector" @@ q.query AND c."userId" = ${userId} AND c."deletedAt" IS NULL
          LIMIT ${RANKED_MAX_MATCHES + 1}
        ) matches`;
      strategy = probe!.matches > RANKED_MAX_MATCHES ? "recent" : "ranked";
    }

    if (strategy === "ranked") {
      // Fuzzy titles are for plain words with typos; phrases, exclusions and OR mean exactly that.
      const plainWords = !/"|(^|\s)-\S|\sOR\s/.test(parsed.text);
      const fuzzy =
        plainWords && parsed.text.length >= FUZZY_MIN_CHARS ? Prisma.sql`${parsed.text} <% c.title` : Prisma.sql`FALSE`;
      rows = await db().$queryRaw<Row[]>`
        WITH q AS (SELECT ${tsquery} AS query),
        hits AS (
          SELECT DISTINCT ON (m."conversationId") m."conversationId" AS cid, m.id AS mid,
            ts_rank_cd(m."searchVector", q.query, 32) AS rank
          FROM q, "Message" m JOIN "Conversation" c ON c.id = m."conversationId"
          WHERE m."searchVector" @@ q.query AND ${conversationWhere} AND ${messageWhere}
          ORDER BY m."conversationId", rank DESC, m."createdAt" DESC
        ),
        titles AS (
          SELECT c.id AS cid,
            CASE WHEN c."searchVector" @@ q.query THEN ts_rank_cd(c."searchVector", q.query, 32) ELSE 0 END AS rank,
            word_similarity(${parsed.text}, c.title) AS sim
          FROM q, "Conversation" c
          WHERE ${titlesWanted} AND ${conversationWhere} AND ${activityWhere}
            AND (c."searchVector" @@ q.query OR ${fuzzy})
          LIMIT ${TITLE_CANDIDATES}
        ),
        scored AS (
          -- A title match counts double: it names the whole conversation.
          SELECT coalesce(h.cid, t.cid) AS cid, h.mid,
            round((coalesce(h.rank, 0) + 2 * coalesce(t.rank, 0) + coalesce(t.sim, 0)) * 1000000)::bigint AS score
          FROM hits h FULL OUTER JOIN titles t ON t.cid = h.cid
        ),
        page AS (
          SELECT * FROM scored s WHERE ${rankedCursor} ORDER BY s.score DESC, s.cid DESC LIMIT ${take}
        )
        SELECT p.cid, p.mid, p.score, ${headlines}, ${details}
        FROM q, page p JOIN "Conversation" c ON c.id = p.cid
          LEFT JOIN "Message" m ON m.id = p.mid LEFT JOIN "Project" pr ON pr.id = c."projectId"
        ORDER BY p.score DESC, p.cid DESC`;
    } else {
      // Common words: newest conversations first, each with its best-ranked matching message.
      // A conversation is created before its messages and its activity time is at least theirs,
      // so a date range also tells which conversations' messages are worth reading.
      const spanWhere = Prisma.join(
        [
          Prisma.sql`TRUE`,
          ...(after ? [Prisma.sql`c."updatedAt" >= ${after}`] : []),
          ...(before ? [Prisma.sql`c."createdAt" < ${before}`] : []),
        ],
        " AND ",
      );
      rows = await db().$queryRaw<Row[]>`
        WITH q AS (SELECT ${tsquery} AS query),
        page AS (
          SELECT c.id AS cid, best.mid, (extract(epoch FROM c."updatedAt") * 1000)::bigint AS score
          FROM q CROSS JOIN "Conversation" c
          LEFT JOIN LATERAL (
            -- coalesce keeps the planner off the GIN index here: scanning a word's whole posting
            -- list once per conversation costs far more than filtering one conversation's messages.
            SELECT m.id AS mid FROM "Message" m
            WHERE ${spanWhere} AND m."conversationId" = c.id
              AND coalesce(m."searchVector", ''::tsvector) @@ q.query AND ${messageWhere}
            ORDER BY ts_rank_cd(m."searchVector", q.query, 32) DESC, m."createdAt" DESC
            LIMIT 1
          ) best ON TRUE
          WHERE ${conversationWhere} AND ${recentCursor}
            AND (best.mid IS NOT NULL OR (${titlesWanted} AND ${activityWhere} AND c."searchVector" @@ q.query))
          ORDER BY c."updatedAt" DESC, c.id DESC
          LIMIT ${take}
        )
        SELECT p.cid, p.mid, p.score, ${headlines}, ${details}
        FROM q, page p JOIN "Conversation" c ON c.id = p.cid
          LEFT JOIN "Message" m ON m.id = p.mid LEFT JOIN "Project" pr ON pr.id = c."projectId"
        ORDER BY p.score DESC, p.cid DESC`;
    }
  }

  const page = rows.slice(0, options.limit);
  const items: SearchResult[] = page.map((row) => ({
    conversationId: row.cid,
    title: row.title,
    titleSnippet: row.titleHeadline ? toSnippetParts(row.titleHeadline) : [{ text: row.title, highlight: false }],
    project: row.projectId
      ? { id: row.projectId, name: row.projectName ?? "", emoji: row.projectEmoji, color: row.projectColor }
      : null,
    tags: row.tags ?? [],
    pinned: row.pinnedAt !== null,
    archived: row.archivedAt !== null,
    match: row.mid ? "message" : parsed.text ? "title" : "filter",
    messageId: row.mid,
    role: row.role,
    // A title-only match shows how the conversation opens, so the result still says something.
    snippet: row.headline ? toSnippetParts(row.headline) : openingSnippet(row.opening),
    at: row.messageAt ?? row.updatedAt,
  }));
  const last = page.at(-1);
  return {
    items,
    nextCursor:
      rows.length > options.limit && last ? encodeSearchCursor({ strategy, score: BigInt(last.score), id: last.cid }) : null,
  };
}
