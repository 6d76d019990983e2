// Projects: folders of conversations with a look (colour, emoji) and system instructions.
import { z } from "zod";
import { paginationQuery } from "@/lib/pagination";

export const MAX_INSTRUCTIONS_CHARS = 8000;

const name = z.string().trim().min(1, "A project needs a name.").max(80, "A name can be at most 80 characters.");
const description = z.string().trim().max(500, "A description can be at most 500 characters.");
const color = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, "A colour is #rrggbb.")
  .transform((value) => value.toLowerCase());
// One emoji (possibly a ZWJ sequence or flag); anything longer is not an emoji.
const emoji = z
  .string()
  .trim()
  .min(1)
  .max(16)
  .regex(/^[\p{Extended_Pictographic}\p{Regional_Indicator}\u200d\ufe0f\u{1f3fb}-\u{1f3ff}]+$/u, "Pick one emoji.");
const instructions = z
  .string()
  .trim()
  .max(MAX_INSTRUCTIONS_CHARS, `Instructions can be at most ${MAX_INSTRUCTIONS_CHARS.toLocaleString("en")} characters.`);

const visibility = z
  .enum(["private", "workspace"])
  .describe("`private`: only its creator sees it; `workspace`: every member of the workspace sees it and the conversations in it");

export const createProjectInput = z.object({
  visibility: visibility.optional(),
  name: name.describe("Shown in the sidebar"),
  description: description.nullable().optional().describe("What the project is for"),
  color: color.nullable().optional().describe("Accent colour, #rrggbb"),
  emoji: emoji.nullable().optional().describe("One emoji shown before the name"),
  instructions: instructions
    .nullable()
    .optional()
    .describe("System instructions applied to every conversation in the project, before the conversation's own"),
});
export type CreateProjectInput = z.infer<typeof createProjectInput>;

/** PATCH /api/v1/projects/:id — any subset; null (or "") clears an optional field. */
export const updateProjectInput = z
  .object({
    name: name.optional(),
    description: description.nullable().optional(),
    color: color.nullable().optional(),
    emoji: emoji.nullable().optional(),
    instructions: instructions.nullable().optional(),
    visibility: visibility.optional(),
  })
  .refine((input) => Object.values(input).some((value) => value !== undefined), "Send at least one field to change.");
export type UpdateProjectInput = z.infer<typeof updateProjectInput>;

export const listProjectsQuery = paginationQuery;

export const deleteProjectQuery = z.object({
  conversations: z
    .enum(["move", "delete"])
    .default("move")
    .describe("`move`: its conversations leave the project and stay; `delete`: they are deleted with it"),
});

export const projectStats = z.object({
  conversations: z.int().describe("Conversations in the project (not deleted, archived included)"),
  messages: z.int(),
  tokens: z.int().describe("Prompt + completion tokens of every model call in those conversations"),
  computedAt: z.date().describe("Stats are cached for a minute and recomputed after moves"),
});
export type ProjectStats = z.infer<typeof projectStats>;

export const projectView = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  color: z.string().nullable(),
  emoji: z.string().nullable(),
  instructions: z.string().nullable(),
  visibility,
  createdBy: z.string().describe("The id of the user who created it"),
  stats: projectStats,
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type ProjectView = z.infer<typeof projectView>;

export const projectResponse = z.object({ project: projectView });

export const deletedProject = z.object({
  id: z.string(),
  conversations: z.enum(["move", "delete"]),
  affected: z.int().describe("Conversations moved out or deleted"),
});
