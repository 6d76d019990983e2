// Conversations and their message trees. A turn is prepared (user message + an empty assistant
// message, saved while the model call starts) and later completed with whatever arrived.
import "server-only";
import { aiRuntime } from "@/lib/ai/runtime";
import { countMessageTokens, MESSAGE_OVERHEAD_TOKENS } from "@/lib/ai/tokens";
import { db } from "@/lib/db";
import type { Message, MessageStatus } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/db/ids";
import { joinSystemPrompts } from "@/lib/projects/instructions";
import { readableConversationWhere } from "@/lib/workspaces/visibility";
import { attachmentsOf, chatMedia, toAttachments, userMessageTokens } from "./attachments";
import { fallbackTitle } from "./title";
import { loadBranch, saveReply, saveTurn, type BranchConversation, type TurnWrite } from "./turn-store";
import type { ChatRequestInput, ChatSettingsInput, ConversationView, ReplyRoute } from "./schemas";

/** Where a chat request works: its user in a workspace. */
export interface ChatScope {
  userId: string;
  workspaceId: string;
}

/**
 * A live conversation the user may read here (theirs, or any in a shared project); `change`
 * (a turn, settings, stop, switching versions) is for its creator only.
 */
export async function getConversationOrThrow(options: ChatScope & { conversationId: string; change?: boolean }) {
  const conversation = await db().conversation.findFirst({
    where: { id: options.conversationId, deletedAt: null, ...readableConversationWhere(options) },
  });
  if (!conversation) throw new AppError("not_found", "Conversation not found.");
  if (options.change) assertCreator(conversation.userId, options.userId);
  return conversation;
}

function assertCreator(creatorId: string, userId: string) {
  if (creatorId !== userId) throw new AppError("forbidden", "Only the conversation's creator can continue or change it; other members can read it.");
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
  /** The conversation's model when it is in manual mode: the turn's model if the turn names none. */
  storedModelId: string | null;
  /** Oldest first, ending with the user message being answered. */
  thread: Message[];
  userMessage: Message;
  assistantMessageId: string;
  /**
   * Writes the turn (conversation, user message, placeholder reply) in one statement. The
   * caller starts the model call alongside it: the rows are saved while the provider is
   * still thinking, and must be awaited before the reply is completed or accounted.
   */
  persist: () => Promise<void>;
}

const isNewConversation = (input: ChatRequestInput) => input.action === "send" && !input.conversationId;

/**
 * Plans a turn: validates it against the stored conversation and returns the thread to send,
 * with ids for the rows it will write. Nothing is written until `persist` runs.
 */
export async function prepareTurn(options: ChatScope & { input: ChatRequestInput }): Promise<PreparedTurn> {
  const { userId, workspaceId, input } = options;
  const now = Date.now();
  const creating = isNewConversation(input);
  // Edit and regenerate read the branch ending at the message they act on; send, the active one.
  const loaded = creating
    ? null
    : await loadBranch({ userId, workspaceId, conversationId: input.conversationId!, leafId: input.action === "send" ? undefined : input.messageId });
  if (!creating && !loaded) throw new AppError("not_found", "Conversation not found.");
  if (loaded) assertCreator(loaded.conversation.userId, userId);
  const conversation = loaded?.conversation ?? {
    id: newId(),
    userId,
    systemPrompt: input.action === "send" ? input.systemPrompt || null : null,
    temperature: input.temperature ?? null,
    activeLeafId: null,
    modelMode: "auto",
    modelId: null,
    projectInstructions: null,
  } satisfies BranchConversation;
  const branch = loaded?.branch ?? [];
  const target = input.action === "send" ? undefined : branch.at(-1);

  let userMessage: Message;
  let thread: Message[];
  let userMessageIsNew = false;
  if (input.action === "regenerate") {
    const question = branch.at(-2);
    if (!target || target.role !== "assistant" || !question) throw new AppError("not_found", "Reply not found.");
    userMessage = question;
    thread = branch.slice(0, -1);
  } else {
    let parentId = conversation.activeLeafId;
    let history = branch;
    let attachments = input.imageIds ? toAttachments(await (await chatMedia()).findChatImages({ userId, imageIds: input.imageIds })) : [];
    if (input.action === "edit") {
      if (!target || target.role !== "user") throw new AppError("not_found", "Message not found.");
      parentId = target.parentId;
      history = branch.slice(0, -1);
      // An edit keeps the images unless it says otherwise.
      if (!input.imageIds) attachments = attachmentsOf(target);
      if (!input.message && attachments.length === 0) throw new AppError("validation_failed", "Type a message first.");
    }
    userMessage = {
      id: newId(),
      conversationId: conversation.id,
      parentId,
      role: "user",
      content: input.message,
      status: "complete",
      modelId: null,
      route: null,
      attachments: attachments.length > 0 ? attachments : null,
      tokenCount: userMessageTokens(input.message, attachments),
      promptTokens: null,
      completionTokens: null,
      error: null,
      stopRequestedAt: null,
      createdAt: new Date(now),
    };
    userMessageIsNew = true;
    thread = [...history, userMessage];
  }
  const assistantMessageId = newId();
  const firstTurn = creating || (input.action === "send" && conversation.activeLeafId === null);
  // A turn that names a model (or null, for auto) sets the conversation's model for the next
  // turns too; a turn that names none keeps it, as the picker and PATCH /chat/:id left it.
  const generation: TurnWrite["generation"] =
    input.modelId === undefined
      ? { modelMode: conversation.modelMode, modelId: conversation.modelId }
      : { modelMode: input.modelId ? "manual" : "auto", modelId: input.modelId };

  const persist = () =>
    saveTurn({
      userId,
      workspaceId,
      conversationId: conversation.id,
      create: creating ? { systemPrompt: conversation.systemPrompt, temperature: conversation.temperature } : undefined,
      placeholderTitle: firstTurn ? fallbackTitle(userMessage.content) : undefined,
      question: userMessageIsNew ? userMessage : undefined,
      reply: {
        id: assistantMessageId,
        parentId: userMessage.id,
        modelId: generation.modelId,
        // After the question even when both are written within one millisecond.
        createdAt: new Date(Math.max(now, userMessage.createdAt.getTime()) + 1),
      },
      generation,
      temperature: input.temperature,
    });

  return {
    conversationId: conversation.id,
    // No message yet: its first reply names it.
    isNewConversation: firstTurn,
    // A project's instructions come before the conversation's own system prompt.
    systemPrompt: joinSystemPrompts(conversation.projectInstructions, conversation.systemPrompt),
    temperature: input.temperature ?? conversation.temperature,
    storedModelId: conversation.modelMode === "manual" ? conversation.modelId : null,
    thread,
    userMessage,
    assistantMessageId,
    persist,
  };
}

export async function completeAssistantMessage(options: {
  messageId: string;
  content: string;
  status: Exclude<MessageStatus, "streaming">;
  modelId?: string;
  route?: ReplyRoute;
  usage?: { promptTokens: number; completionTokens: number };
  /** The provider's count of the whole reply, when one attempt wrote all of it. */
  replyTokens?: number;
  error?: string;
}) {
  await saveReply({
    id: options.messageId,
    content: options.content,
    status: options.status,
    modelId: options.modelId ?? null,
    route: options.route ?? null,
    // The provider counted the reply already; the local tokenizer is the fallback (cut or continued replies).
    tokenCount: options.replyTokens ? options.replyTokens + MESSAGE_OVERHEAD_TOKENS : countMessageTokens(options.content),
    promptTokens: options.usage?.promptTokens ?? null,
    completionTokens: options.usage?.completionTokens ?? null,
    error: options.error ?? null,
  });
}

/** Marks the conversation's running replies as stopped; works from any tab or after a reload. */
export async function requestStop(options: ChatScope & { conversationId: string; messageId?: string }) {
  await getConversationOrThrow({ ...options, change: true });
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
export async function getConversationView(options: ChatScope & { conversationId: string }): Promise<ConversationView> {
  const conversation = await getConversationOrThrow(options);
  const [messages, project] = await Promise.all([
    loadMessages(conversation.id),
    conversation.projectId
      ? db().project.findUnique({ where: { id: conversation.projectId }, select: { id: true, name: true, emoji: true, instructions: true } })
      : null,
  ]);
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
      attachments: attachmentsOf(message),
      status: message.status,
      modelId: message.modelId,
      route: message.route as ReplyRoute | null,
      error: message.error,
      createdAt: message.createdAt.toISOString(),
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
      updatedAt: conversation.updatedAt.toISOString(),
      readOnly: conversation.userId !== options.userId,
      project: project && { id: project.id, name: project.name, emoji: project.emoji, hasInstructions: Boolean(project.instructions?.trim()) },
    },
    messages: thread,
  };
}

/** Changes the settings the next turns use; earlier replies keep the settings they were made with. */
export async function updateChatSettings(options: ChatScope & { conversationId: string; settings: ChatSettingsInput }) {
  const conversation = await getConversationOrThrow({ ...options, change: true });
  const { systemPrompt, temperature, modelId } = options.settings;
  if (modelId && !aiRuntime().models.some((model) => model.id === modelId)) {
    throw new AppError("unknown_model", `Unknown or unavailable model "${modelId}". See GET /api/v1/chat/models.`);
  }
  await db().conversation.update({
    where: { id: conversation.id },
    data: {
      ...(systemPrompt !== undefined ? { systemPrompt: systemPrompt || null } : {}),
      ...(temperature !== undefined ? { temperature } : {}),
      ...(modelId !== undefined ? { modelId, modelMode: modelId ? "manual" : "auto" } : {}),
    },
  });
  return getConversationView(options);
}

/** Shows another version: the branch through `messageId`, down its newest descendants. */
export async function switchBranch(options: ChatScope & { conversationId: string; messageId: string }) {
  const conversation = await getConversationOrThrow({ ...options, change: true });
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

/** The AI's title for a new conversation; a rename that came first wins. */
export async function setConversationTitle(conversationId: string, title: string) {
  await db().conversation.updateMany({ where: { id: conversationId, titleFinal: false }, data: { title, titleFinal: true } });
}
