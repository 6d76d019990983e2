// Conversations and their message trees. A turn is prepared (user message + an empty assistant
// message, both persisted before any model call) and later completed with whatever arrived.
import "server-only";
import { countMessageTokens } from "@/lib/ai/tokens";
import { db } from "@/lib/db";
import type { Message, MessageStatus, Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/http/errors";
import type { ChatRequestInput, ReplyRoute } from "./schemas";

export async function getConversationOrThrow(options: { userId: string; conversationId: string }) {
  const conversation = await db().conversation.findFirst({
    where: { id: options.conversationId, userId: options.userId },
  });
  if (!conversation) throw new AppError("not_found", "Conversation not found.");
  return conversation;
}

/** Oldest first, from the root down to `leafId`, following parent links. */
export function threadTo(messages: Message[], leafId: string | null): Message[] {
  const byId = new Map(messages.map((message) => [message.id, message]));
  const thread: Message[] = [];
  for (let current = leafId ? byId.get(leafId) : undefined; current; current = current.parentId ? byId.get(current.parentId) : undefined) {
    thread.unshift(current);
  }
  return thread;
}

function loadMessages(conversationId: string) {
  return db().message.findMany({ where: { conversationId }, orderBy: { createdAt: "asc" } });
}

export interface PreparedTurn {
  conversationId: string;
  isNewConversation: boolean;
  systemPrompt: string | null;
  temperature: number | null;
  /** Oldest first, ending with the user message being answered. */
  thread: Message[];
  userMessage: Message;
  assistantMessage: Message;
}

/** Persists the user's side of a turn and a placeholder reply, and returns the thread to send. */
export async function prepareTurn(options: { userId: string; input: ChatRequestInput }): Promise<PreparedTurn> {
  const { userId, input } = options;
  const conversation =
    input.action === "send" && !input.conversationId
      ? await db().conversation.create({
          data: {
            userId,
            systemPrompt: input.systemPrompt || null,
            modelMode: input.modelId ? "manual" : "auto",
            modelId: input.modelId ?? null,
            temperature: input.temperature ?? null,
          },
        })
      : await getConversationOrThrow({ userId, conversationId: input.conversationId! });

  const messages = await loadMessages(conversation.id);
  const byId = new Map(messages.map((message) => [message.id, message]));

  let userMessage: Message;
  if (input.action === "regenerate") {
    const reply = byId.get(input.messageId);
    const question = reply?.parentId ? byId.get(reply.parentId) : undefined;
    if (!reply || reply.role !== "assistant" || !question) throw new AppError("not_found", "Reply not found.");
    userMessage = question;
  } else {
    let parentId = conversation.activeLeafId;
    if (input.action === "edit") {
      const edited = byId.get(input.messageId);
      if (!edited || edited.role !== "user") throw new AppError("not_found", "Message not found.");
      parentId = edited.parentId;
    }
    userMessage = await db().message.create({
      data: {
        conversationId: conversation.id,
        parentId,
        role: "user",
        content: input.message,
        tokenCount: countMessageTokens(input.message),
      },
    });
    byId.set(userMessage.id, userMessage);
  }

  const assistantMessage = await db().message.create({
    data: {
      conversationId: conversation.id,
      parentId: userMessage.id,
      role: "assistant",
      content: "",
      status: "streaming",
      modelId: input.modelId ?? null,
    },
  });
  await db().conversation.update({
    where: { id: conversation.id },
    data: {
      activeLeafId: assistantMessage.id,
      // The request decides the mode: a model id is manual, none is auto.
      modelMode: input.modelId ? "manual" : "auto",
      modelId: input.modelId ?? null,
      ...(input.temperature !== undefined ? { temperature: input.temperature } : {}),
    },
  });

  return {
    conversationId: conversation.id,
    isNewConversation: messages.length === 0,
    systemPrompt: conversation.systemPrompt,
    temperature: input.temperature ?? conversation.temperature,
    thread: threadTo([...byId.values()], userMessage.id),
    userMessage,
    assistantMessage,
  };
}

export async function completeAssistantMessage(options: {
  messageId: string;
  content: string;
  status: Exclude<MessageStatus, "streaming">;
  modelId?: string;
  route?: ReplyRoute;
  usage?: { promptTokens: number; completionTokens: number };
  error?: string;
}) {
  await db().message.update({
    where: { id: options.messageId },
    data: {
      content: options.content,
      status: options.status,
      modelId: options.modelId,
      route: options.route as Prisma.InputJsonValue | undefined,
      tokenCount: countMessageTokens(options.content),
      promptTokens: options.usage?.promptTokens,
      completionTokens: options.usage?.completionTokens,
      error: options.error ?? null,
    },
  });
}

/** Marks the conversation's running replies as stopped; works from any tab or after a reload. */
export async function requestStop(options: { userId: string; conversationId: string; messageId?: string }) {
  await getConversationOrThrow(options);
  const where = {
    conversationId: options.conversationId,
    status: "streaming" as const,
    ...(options.messageId ? { id: options.messageId } : {}),
  };
  const streaming = await db().message.findMany({ where, select: { id: true } });
  await db().message.updateMany({ where, data: { stopRequestedAt: new Date() } });
  return { messageIds: streaming.map((message) => message.id) };
}

/** The active branch with, for each message, its position among its siblings (its versions). */
export async function getConversationView(options: { userId: string; conversationId: string }) {
  const conversation = await getConversationOrThrow(options);
  const messages = await loadMessages(conversation.id);
  const siblings = new Map<string | null, string[]>();
  for (const message of messages) {
    const list = siblings.get(message.parentId) ?? [];
    list.push(message.id);
    siblings.set(message.parentId, list);
  }
  const thread = threadTo(messages, conversation.activeLeafId).map((message) => {
    const versions = siblings.get(message.parentId) ?? [message.id];
    return {
      id: message.id,
      parentId: message.parentId,
      role: message.role,
      content: message.content,
      status: message.status,
      modelId: message.modelId,
      route: message.route as ReplyRoute | null,
      error: message.error,
      createdAt: message.createdAt,
      versions: { ids: versions, index: versions.indexOf(message.id) },
    };
  });
  return {
    conversation: {
      id: conversation.id,
      title: conversation.title,
      systemPrompt: conversation.systemPrompt,
      temperature: conversation.temperature,
      modelMode: conversation.modelMode,
      modelId: conversation.modelId,
      updatedAt: conversation.updatedAt,
    },
    messages: thread,
  };
}

/** Shows another version: the branch through `messageId`, down its newest descendants. */
export async function switchBranch(options: { userId: string; conversationId: string; messageId: string }) {
  const conversation = await getConversationOrThrow(options);
  const messages = await loadMessages(conversation.id);
  if (!messages.some((message) => message.id === options.messageId)) throw new AppError("not_found", "Message not found.");
  let leaf = options.messageId;
  for (;;) {
    const children = messages.filter((message) => message.parentId === leaf);
    if (children.length === 0) break;
    leaf = children[children.length - 1]!.id;
  }
  await db().conversation.update({ where: { id: conversation.id }, data: { activeLeafId: leaf } });
  return getConversationView(options);
}

export async function setConversationTitle(conversationId: string, title: string) {
  await db().conversation.update({ where: { id: conversationId }, data: { title, titleFinal: true } });
}
