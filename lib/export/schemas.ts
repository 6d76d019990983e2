// Export inputs and outputs. One conversation answers the file itself; a project or everything
// readable runs as a job whose ZIP is downloaded from GET /api/v1/export/:id/file.
import { z } from "zod";

const id = z.string().min(1).max(64);

export const exportFormat = z.enum(["pdf", "md", "txt", "json"]).describe("pdf, Markdown, plain text or JSON");
export type ExportFormat = z.infer<typeof exportFormat>;

export const exportRequest = z
  .object({
    conversationId: id.optional().describe("One conversation: the file is the response"),
    projectId: id.optional().describe("Every conversation of a project I may read: a job that makes a ZIP"),
    all: z.literal(true).optional().describe("Every conversation I may read in the workspace: a job that makes a ZIP"),
    format: exportFormat,
    branches: z
      .enum(["active", "all"])
      .default("active")
      .describe("`active`: the branch on screen; `all`: every version (the whole tree), JSON only"),
  })
  .refine((input) => [input.conversationId, input.projectId, input.all].filter((value) => value !== undefined).length === 1, {
    message: "Name exactly one of conversationId, projectId or all: true.",
    path: ["conversationId"],
  })
  .refine((input) => input.branches === "active" || input.format === "json", {
    message: "Every branch (the whole tree) is exported as JSON only.",
    path: ["branches"],
  });
export type ExportRequest = z.infer<typeof exportRequest>;

export const exportQueued = z.object({
  status: z.literal("queued"),
  jobId: z.string().describe("Poll GET /api/v1/jobs/:id; when done, download GET /api/v1/export/:id/file"),
});

/** What a finished export job reports as its output. */
export const exportJobOutput = z.object({
  conversations: z.int().describe("Conversations in the ZIP"),
  bytes: z.int(),
  name: z.string().describe("The ZIP's file name"),
  downloadUrl: z.string().describe("GET it (owner only) until `expiresAt`"),
  expiresAt: z.string(),
});
export type ExportJobOutput = z.infer<typeof exportJobOutput>;

/** A message as exported: JSON carries every field, the other formats what a reader needs. */
export interface ExportMessage {
  id: string;
  parentId: string | null;
  role: "user" | "assistant" | "system";
  content: string;
  status: string;
  modelId: string | null;
  createdAt: Date;
  attachments: { imageId: string; name: string; mime: string }[];
}

export interface ExportConversation {
  id: string;
  title: string;
  createdAt: Date;
  updatedAt: Date;
  project: string | null;
  tags: string[];
  systemPrompt: string | null;
  activeLeafId: string | null;
  /** Oldest first: the active branch, or every message of the tree. */
  messages: ExportMessage[];
}
