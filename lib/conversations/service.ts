// Conversation lists. (Chat turns and message trees live in lib/chat.)
import "server-only";
import { db } from "@/lib/db";
import { decodeCursor, encodeCursor } from "@/lib/http/pagination";
import type { ConversationSummary, ListConversationsQuery } from "./schemas";

/** Newest activity first; keyset-paginated on (updatedAt, id). */
export async function listConversations(options: { userId: string } & ListConversationsQuery) {
  const after = options.cursor ? decodeCursor(options.cursor) : undefined;
  const rows: ConversationSummary[] = await db().conversation.findMany({
    where: {
      userId: options.userId,
      ...(after
        ? { OR: [{ updatedAt: { lt: after.at } }, { updatedAt: after.at, id: { lt: after.id } }] }
        : {}),
    },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: options.limit + 1,
    select: { id: true, title: true, updatedAt: true },
  });
  const items = rows.slice(0, options.limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > options.limit && last ? encodeCursor({ at: last.updatedAt, id: last.id }) : null,
  };
}
