// Images attached to chat messages: stored on the message, counted in its tokens, and turned
// into what the model reads: the image itself for a vision model, the text read from it (OCR)
// for a text-only one.
import "server-only";
import type { ModelMessage, UserContent } from "ai";
import { countMessageTokens } from "@/lib/ai/tokens";
import type { Message } from "@/lib/db/generated/client";
import type { ChatImage } from "@/lib/media/chat-attachments";
import { messageAttachment, type MessageAttachment } from "./schemas";

/**
 * The media code (image decoding, OCR, jobs) loads only when a turn has images: most turns have
 * none, and it would otherwise sit in every chat server's memory.
 */
export const chatMedia = () => import("@/lib/media/chat-attachments");

/**
 * What one image costs in the context window, for pruning. Providers bill roughly 85–1,600
 * tokens per image by size and detail; OCR text of a page is of the same order.
 */
export const IMAGE_TOKEN_ESTIMATE = 1_000;

const storedAttachments = messageAttachment.array();

export function toAttachments(images: ChatImage[]): MessageAttachment[] {
  return images.map((image) => ({ kind: "image", ...image }));
}

/** The attachments stored on a message; a row written before attachments existed has none. */
export function attachmentsOf(message: Pick<Message, "attachments">): MessageAttachment[] {
  const parsed = storedAttachments.safeParse(message.attachments ?? []);
  return parsed.success ? parsed.data : [];
}

export function userMessageTokens(text: string, attachments: MessageAttachment[]): number {
  return countMessageTokens(text) + attachments.length * IMAGE_TOKEN_ESTIMATE;
}

type ThreadMessage = Pick<Message, "role" | "content" | "attachments">;

/**
 * The messages for the model. `vision` sends each attached image as an image part; otherwise
 * its OCR text follows the message. An image deleted since is named, so the model knows.
 */
export async function toModelMessages(
  thread: ThreadMessage[],
  options: { userId: string; vision: boolean; signal?: AbortSignal },
): Promise<ModelMessage[]> {
  return Promise.all(
    thread.map(async (message): Promise<ModelMessage> => {
      if (message.role === "assistant") return { role: "assistant", content: message.content };
      const attachments = attachmentsOf(message);
      if (attachments.length === 0) return { role: "user", content: message.content };
      const parts = await Promise.all(attachments.map((attachment) => attachmentContent(attachment, options)));
      if (options.vision) {
        const content: UserContent = [...(message.content ? [{ type: "text" as const, text: message.content }] : []), ...parts.flat()];
        return { role: "user", content };
      }
      const notes = parts.flat().map((part) => (part.type === "text" ? part.text : ""));
      return { role: "user", content: [message.content, ...notes].filter(Boolean).join("\n\n") };
    }),
  );
}

type Part = Exclude<UserContent, string>[number];

async function attachmentContent(
  attachment: MessageAttachment,
  options: { userId: string; vision: boolean; signal?: AbortSignal },
): Promise<Part[]> {
  const name = attachment.name;
  if (options.vision) {
    const { readChatImage } = await chatMedia();
    const file = await readChatImage({ userId: options.userId, imageId: attachment.imageId });
    if (!file) return [{ type: "text", text: `[The attached image "${name}" was deleted.]` }];
    return [{ type: "image", image: file.bytes, mediaType: file.mime }];
  }
  const { readChatImageText } = await chatMedia();
  const text = await readChatImageText({ userId: options.userId, imageId: attachment.imageId, signal: options.signal });
  if (text === null) return [{ type: "text", text: `[Attached image "${name}": its text could not be read.]` }];
  if (!text.trim()) return [{ type: "text", text: `[Attached image "${name}": it contains no readable text.]` }];
  return [{ type: "text", text: `[Attached image "${name}", the text read from it:]\n${text.trim()}` }];
}
