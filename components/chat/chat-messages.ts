// The chat's client-side message shape: AI SDK UI messages whose metadata carries what the
// server knows about each message (status, versions, route), so one list renders both a
// conversation loaded from the API and a reply still streaming in.
import type { FileUIPart, UIMessage } from "ai";
import type { ConversationView, MessageAttachment, ReplyRoute, ViewMessage } from "@/lib/chat/schemas";
import { imageFileUrl } from "@/lib/media/images/schemas";

export interface ChatMetadata {
  /** Sent by the server at the start of every stream. */
  conversationId?: string;
  userMessageId?: string;
  title?: string;
  route?: ReplyRoute | null;
  /** Known once the message is persisted (from the conversation view). */
  status?: ViewMessage["status"];
  error?: string | null;
  modelId?: string | null;
  versions?: ViewMessage["versions"];
}

export type ChatMessage = UIMessage<ChatMetadata>;

export function toChatMessages(view: ConversationView): ChatMessage[] {
  return view.messages
    .filter((message) => message.role !== "system")
    .map((message) => ({
      id: message.id,
      role: message.role === "user" ? "user" : "assistant",
      parts: [...message.attachments.map(toFilePart), ...(message.content ? [{ type: "text" as const, text: message.content }] : [])],
      metadata: {
        conversationId: view.conversation.id,
        status: message.status,
        error: message.error,
        modelId: message.modelId,
        route: message.route,
        versions: message.versions,
      },
    }));
}

/** An attached image as the AI SDK's file part, pointing at its authorised download. */
export function toFilePart(attachment: Pick<MessageAttachment, "imageId" | "name" | "mime">): FileUIPart {
  return { type: "file", mediaType: attachment.mime, filename: attachment.name, url: imageFileUrl(attachment.imageId) };
}

export function messageFiles(message: ChatMessage): FileUIPart[] {
  return message.parts.filter((part): part is FileUIPart => part.type === "file");
}

export function messageText(message: ChatMessage): string {
  return message.parts.map((part) => (part.type === "text" ? part.text : "")).join("");
}

/**
 * The transport throws the raw response body for a non-2xx answer; ours is the JSON error
 * shape, so show its message, and anything else as a generic failure.
 */
export function readableChatError(error: Error): string {
  try {
    const body = JSON.parse(error.message) as { error?: { message?: string } };
    if (body.error?.message) return body.error.message;
  } catch {
    // Not JSON: an error event's text (already written for people) or a network failure.
  }
  if (/failed to fetch|network/i.test(error.message)) return "Could not reach BaatCheet. Check your connection and try again.";
  return error.message || "The reply failed. Try again.";
}
