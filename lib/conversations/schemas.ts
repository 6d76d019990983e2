// Conversation organisation: list filters, rename, pin, archive, move to a project, tags.
import { z } from "zod";
import { paginationQuery } from "@/lib/pagination";

const id = z.string().min(1).max(64);

/** Query-string booleans: only the words `true` and `false` (z.coerce.boolean reads "false" as true). */
export const queryBoolean = z.enum(["true", "false"]).transform((value) => value === "true");

export const tagName = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "A tag needs at least one character.")
  .max(32, "A tag can be at most 32 characters.")
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} _.-]*$/u, "A tag holds letters, digits, spaces, _ . or -, starting with a letter or digit.")
  .describe("Tag name; stored trimmed and lower-case");

export const MAX_TAGS_PER_CONVERSATION = 20;

export const listConversationsQuery = paginationQuery.extend({
  projectId: z
    .union([z.literal("none"), id])
    .optional()
    .describe("Only this project's conversations; `none` for those in no project"),
  tag: tagName.optional().describe("Only conversations with this tag"),
  pinned: queryBoolean.optional().describe("`true`: only pinned; `false`: only unpinned; omit for both"),
  archived: queryBoolean.default(false).describe("`true` lists the archive instead of the active conversations"),
});
export type ListConversationsQuery = z.infer<typeof listConversationsQuery>;

export const projectBadge = z.object({
  id: z.string(),
  name: z.string(),
  emoji: z.string().nullable(),
  color: z.string().nullable(),
});

export const conversationSummary = z.object({
  id: z.string(),
  title: z.string(),
  createdBy: z.string().describe("The id of the user who created it: only they change it; other members of the workspace read it when it is in a shared project"),
  projectId: z.string().nullable(),
  project: projectBadge.nullable(),
  tags: z.array(z.string()).describe("Tag names, alphabetical"),
  pinned: z.boolean(),
  archived: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date().describe("Last chat activity; organising (rename, pin, tags…) does not change it"),
});
export type ConversationSummary = z.infer<typeof conversationSummary>;

/** POST /api/v1/conversations — an empty conversation (e.g. started from a project page). */
export const createConversationInput = z.object({
  title: z.string().trim().min(1).max(200).optional().describe("Defaults to “New chat” until the first reply names it"),
  projectId: id.nullable().optional().describe("Put it in this project"),
});
export type CreateConversationInput = z.infer<typeof createConversationInput>;

/** PATCH /api/v1/conversations/:id — any subset of fields. */
export const updateConversationInput = z
  .object({
    title: z.string().trim().min(1, "A title cannot be empty.").max(200).optional().describe("Rename"),
    pinned: z.boolean().optional().describe("Pin to the top of the sidebar, or unpin"),
    archived: z.boolean().optional().describe("Move to the archive, or back"),
    projectId: id.nullable().optional().describe("Move into a project; null takes it out"),
    tags: z
      .array(tagName)
      .max(MAX_TAGS_PER_CONVERSATION, `At most ${MAX_TAGS_PER_CONVERSATION} tags per conversation.`)
      .optional()
      .describe("Replace the tag set (new names are created)"),
  })
  .refine((input) => Object.values(input).some((value) => value !== undefined), "Send at least one field to change.");
export type UpdateConversationInput = z.infer<typeof updateConversationInput>;

/** POST /api/v1/conversations/:id/tags */
export const addTagInput = z.object({ name: tagName });

/**
 * The `[tag]` segment arrives percent-encoded for non-ASCII names, so it is decoded here; a
 * malformed escape (`%E0%A4%A`) names no tag and fails the params, which the wrapper answers 404.
 */
export const tagParams = z.object({
  id: id,
  tag: z
    .string()
    .min(1)
    .max(300)
    .transform((raw, ctx) => {
      try {
        return decodeURIComponent(raw);
      } catch {
        ctx.addIssue({ code: "custom", message: "not a valid percent-encoded tag" });
        return z.NEVER;
      }
    })
    .pipe(z.string().min(1).max(100)),
});

export const tagWithCount = z.object({
  name: z.string(),
  count: z.int().describe("My conversations (not deleted) carrying it"),
});

export const conversationResponse = z.object({ conversation: conversationSummary });

export const tagList = z.object({ items: z.array(tagWithCount).describe("Most used first") });

export const deletedConversation = z.object({
  id: z.string(),
  deletedAt: z.date().describe("POST …/restore undoes the delete until it is purged"),
});
