// GET /api/v1/conversations/search — query and result shapes.
import { z } from "zod";
import { projectBadge } from "@/lib/conversations/schemas";

/**
 * A search day: a calendar date PostgreSQL can store, with room for the day after it (`to` is
 * turned into an exclusive bound) — year 0 and year 10000 would fail in the database instead.
 */
const searchDay = z.iso.date().refine((day) => day >= "0001-01-01" && day <= "9999-12-30", "a day between 0001-01-01 and 9999-12-30");

export const searchQuery = z.object({
  q: z
    .string()
    .max(500)
    .default("")
    .describe(
      'Words in web-search syntax ("quoted phrase", -exclude, OR) and operators tag:, project:, model:, before:YYYY-MM-DD, after:YYYY-MM-DD',
    ),
  projectId: z.string().min(1).max(64).optional().describe("Only this project's conversations"),
  role: z.enum(["user", "assistant"]).optional().describe("Only messages by this author (title-only matches are left out)"),
  from: searchDay.optional().describe("Messages on or after this day (UTC)"),
  to: searchDay.optional().describe("Messages on or before this day (UTC)"),
  limit: z.coerce.number().int().min(1).max(50).default(20).describe("Results per page, 1–50"),
  cursor: z.string().max(200).optional().describe("`nextCursor` from the previous page"),
});
export type SearchQuery = z.infer<typeof searchQuery>;

const snippet = z
  .array(z.object({ text: z.string(), highlight: z.boolean() }))
  .describe("Plain-text pieces; `highlight` marks the matched words");

export const searchResult = z.object({
  conversationId: z.string(),
  title: z.string(),
  titleSnippet: snippet,
  project: projectBadge.nullable(),
  tags: z.array(z.string()),
  pinned: z.boolean(),
  archived: z.boolean(),
  match: z
    .enum(["message", "title", "filter"])
    .describe("`message`: a message matched; `title`: only the title (words or fuzzy); `filter`: no words, operators only"),
  messageId: z.string().nullable().describe("The best-matching message, to scroll to"),
  role: z.enum(["user", "assistant", "system"]).nullable(),
  snippet,
  at: z.date().describe("When the matching message was written, or the conversation's last activity"),
});
export type SearchResult = z.infer<typeof searchResult>;
