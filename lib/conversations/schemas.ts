import { z } from "zod";
import { paginationQuery } from "@/lib/http/pagination";

export const listConversationsQuery = paginationQuery;
export type ListConversationsQuery = z.infer<typeof listConversationsQuery>;

export const conversationSummary = z.object({
  id: z.string(),
  title: z.string(),
  updatedAt: z.date(),
});
export type ConversationSummary = z.infer<typeof conversationSummary>;
