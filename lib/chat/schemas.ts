// Chat inputs and outputs. One POST /api/v1/chat serves three actions: send a new message,
// edit an earlier user message (a new branch from there), and regenerate a reply.
import { z } from "zod";

/** About 8k tokens of English; longer input belongs in an attachment. */
export const MAX_MESSAGE_CHARS = 32_000;

const id = z.string().min(1).max(64);
/** Images a single message may carry; each costs the model about as much as a page of text. */
export const MAX_CHAT_IMAGES = 4;

const messageText = z
  .string()
  .trim()
  .max(MAX_MESSAGE_CHARS, `A message can be at most ${MAX_MESSAGE_CHARS.toLocaleString("en")} characters.`)
  .describe("The user's message; may be empty when images are attached");

const imageIds = z
  .array(id)
  .max(MAX_CHAT_IMAGES, `Attach at most ${MAX_CHAT_IMAGES} images to one message.`)
  .optional()
  .describe(
    "Images from POST /api/v1/images/upload. A vision model sees them; a text-only model reads their OCR text. " +
      "On edit, omit to keep the edited message's images",
  );

const generationOptions = {
  modelId: id
    .nullable()
    .optional()
    .describe(
      "A model id from GET /api/v1/chat/models, kept for the conversation's next turns; null for auto mode; " +
        "omit to use the conversation's model (PATCH /api/v1/chat/:id; auto for a new conversation)",
    ),
  temperature: z.number().min(0).max(2).optional().describe("Sampling temperature, 0–2"),
};

export const chatRequestInput = z
  .discriminatedUnion("action", [
    z.object({
      action: z.literal("send"),
      conversationId: id.optional().describe("Omit to start a new conversation"),
      message: messageText,
      imageIds,
      systemPrompt: z.string().trim().max(8000).optional().describe("Only when starting a conversation"),
      ...generationOptions,
    }),
    z.object({
      action: z.literal("edit"),
      conversationId: id,
      messageId: id.describe("The user message to replace; later messages move to an older branch"),
      message: messageText,
      imageIds,
      ...generationOptions,
    }),
    z.object({
      action: z.literal("regenerate"),
      conversationId: id,
      messageId: id.describe("The assistant reply to generate again"),
      ...generationOptions,
    }),
  ])
  .refine((input) => input.action === "regenerate" || input.message.length > 0 || (input.imageIds?.length ?? 0) > 0, {
    message: "Type a message first.",
    path: ["message"],
  });
export type ChatRequestInput = z.infer<typeof chatRequestInput>;

/** Where a reply came from, stored with the message and shown on hover. */
export const replyRoute = z.object({
  provider: z.string(),
  model: z.string(),
  keyId: z.string(),
  maskedKey: z.string(),
  attempts: z.array(
    z.object({
      provider: z.string(),
      model: z.string(),
      keyId: z.string(),
      outcome: z.enum(["success", "failed", "cut"]),
      status: z.number().optional(),
      error: z.string().optional(),
    }),
  ),
});
export type ReplyRoute = z.infer<typeof replyRoute>;

/** A file stored with a user message; the bytes stay in media storage, owned by the same user. */
export const messageAttachment = z.object({
  kind: z.literal("image"),
  imageId: z.string(),
  name: z.string(),
  mime: z.string(),
  width: z.int().nullable(),
  height: z.int().nullable(),
});
export type MessageAttachment = z.infer<typeof messageAttachment>;

export const messageStatus = z.enum(["streaming", "complete", "incomplete", "error"]);

/** GET /api/v1/chat/:id — the active branch, each message with its sibling versions. */
export const conversationView = z.object({
  conversation: z.object({
    id: z.string(),
    title: z.string(),
    systemPrompt: z.string().nullable(),
    temperature: z.number().nullable(),
    modelMode: z.enum(["auto", "manual"]),
    modelId: z.string().nullable(),
    updatedAt: z.iso.datetime(),
    readOnly: z.boolean().describe("True when someone else created it (a shared project's conversation): it can be read, not continued"),
    project: z
      .object({
        id: z.string(),
        name: z.string(),
        emoji: z.string().nullable(),
        hasInstructions: z.boolean().describe("The project's instructions are sent before this conversation's own system prompt"),
      })
      .nullable()
      .describe("The project the conversation is in, if any"),
  }),
  messages: z.array(
    z.object({
      id: z.string(),
      parentId: z.string().nullable(),
      role: z.enum(["user", "assistant", "system"]),
      content: z.string(),
      attachments: z.array(messageAttachment),
      status: messageStatus,
      modelId: z.string().nullable(),
      route: replyRoute.nullable(),
      error: z.string().nullable(),
      createdAt: z.iso.datetime(),
      versions: z
        .object({ ids: z.array(z.string()), index: z.int() })
        .describe("This message's siblings (edits or regenerations), oldest first, and its position among them"),
    }),
  ),
});
export type ConversationView = z.infer<typeof conversationView>;
export type ViewMessage = ConversationView["messages"][number];

/** PATCH /api/v1/chat/:id — generation settings for the next turns; null clears a setting. */
export const chatSettingsInput = z
  .object({
    systemPrompt: z.string().trim().max(8000).nullable().optional().describe("Instructions sent before every turn"),
    temperature: z.number().min(0).max(2).nullable().optional().describe("Sampling temperature, 0–2; null for the model default"),
    modelId: id.nullable().optional().describe("A model id for manual mode; null for auto mode"),
  })
  .refine((input) => Object.keys(input).length > 0, "Send at least one setting to change.");
export type ChatSettingsInput = z.infer<typeof chatSettingsInput>;

/** GET /api/v1/chat/:id/context — what the next turn would send, after fitting the context window. */
export const contextPreview = z.object({
  model: z.string().nullable().describe("The model auto mode (or the chosen one) would use; null with no provider"),
  contextWindow: z.int(),
  replyBudget: z.int().describe("Tokens kept free for the reply"),
  system: z.string().nullable(),
  promptTokens: z.int(),
  droppedCount: z.int().describe("Oldest messages left out to fit"),
  messages: z.array(
    z.object({
      id: z.string(),
      role: z.enum(["user", "assistant", "system"]),
      content: z.string(),
      attachments: z.array(messageAttachment),
      tokenCount: z.int(),
    }),
  ),
});
