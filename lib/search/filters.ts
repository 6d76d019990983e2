// The WHERE clauses of a search, from its operators and query parameters: which conversations
// (owner, project, tags, a reply's model), which messages (role, model, dates) and which
// conversations' activity falls in the date range. `c` names the conversation, `m` the message.
import "server-only";
import { taggedWith } from "@/lib/conversations/summary-sql";
import { db, Prisma } from "@/lib/db";
import type { WorkspaceScope } from "@/lib/workspaces/current";
import { readableConversationSql, readableProjectWhere } from "@/lib/workspaces/visibility";
import type { ParsedSearch } from "./query";
import type { SearchQuery } from "./schemas";

const DAY_MS = 24 * 60 * 60 * 1000;

export interface SearchFilters {
  conversations: Prisma.Sql;
  messages: Prisma.Sql;
  /** The conversation's last activity within the date range (for title and filter-only matches). */
  activity: Prisma.Sql;
  /**
   * Conversations whose lifetime overlaps the date range: created before its end, active after
   * its start. A conversation is created before its messages and is active at least as late.
   */
  span: Prisma.Sql;
  /** Role and model filters are about messages: a title alone cannot match them. */
  messagesOnly: boolean;
}

/** `project:` takes an id or a name (case-insensitive); `none` means in no project. */
async function projectFilter(scope: WorkspaceScope, value: string | undefined, projectId: string | undefined) {
  const clauses: Prisma.Sql[] = [];
  if (projectId) clauses.push(Prisma.sql`c."projectId" = ${projectId}`);
  if (value) {
    if (value.toLowerCase() === "none") {
      clauses.push(Prisma.sql`c."projectId" IS NULL`);
    } else {
      const project = await db().project.findFirst({
        where: { ...readableProjectWhere(scope), AND: [{ OR: [{ id: value }, { name: { equals: value, mode: "insensitive" } }] }] },
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

const all = (clauses: Prisma.Sql[]) => Prisma.join([Prisma.sql`TRUE`, ...clauses], " AND ");

export async function buildSearchFilters(
  options: WorkspaceScope & Pick<SearchQuery, "projectId" | "role" | "from" | "to">,
  parsed: ParsedSearch,
): Promise<SearchFilters> {
  const { userId } = options;
  const after = latest([parsed.after, options.from ? new Date(`${options.from}T00:00:00Z`) : undefined]);
  const before = earliest([parsed.before, options.to ? dayAfter(options.to) : undefined]);
  const modelPattern = parsed.model ? `%${escapeLike(parsed.model)}%` : undefined;
  const conversations = [
    readableConversationSql(options),
    Prisma.sql`c."deletedAt" IS NULL`,
    ...(await projectFilter(options, parsed.project, options.projectId)),
    ...parsed.tags.map((tag) => taggedWith(userId, tag)),
  ];
  // With words, model: is about the matching message (a reply by that model); with operators
  // only, about any reply in the conversation.
  if (modelPattern && !parsed.text) {
    conversations.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "Message" mm WHERE mm."conversationId" = c.id AND mm."modelId" ILIKE ${modelPattern})`,
    );
  }
  return {
    conversations: Prisma.join(conversations, " AND "),
    messages: all([
      ...(options.role ? [Prisma.sql`m.role = ${options.role}::"MessageRole"`] : []),
      ...(modelPattern ? [Prisma.sql`m."modelId" ILIKE ${modelPattern}`] : []),
      ...(after ? [Prisma.sql`m."createdAt" >= ${after}`] : []),
      ...(before ? [Prisma.sql`m."createdAt" < ${before}`] : []),
    ]),
    activity: all([
      ...(after ? [Prisma.sql`c."updatedAt" >= ${after}`] : []),
      ...(before ? [Prisma.sql`c."updatedAt" < ${before}`] : []),
    ]),
    span: all([
      ...(after ? [Prisma.sql`c."updatedAt" >= ${after}`] : []),
      ...(before ? [Prisma.sql`c."createdAt" < ${before}`] : []),
    ]),
    messagesOnly: Boolean(options.role || modelPattern),
  };
}
