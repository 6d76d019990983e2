"use client";

import { useChat } from "@ai-sdk/react";
import { useQueryClient } from "@tanstack/react-query";
import { DefaultChatTransport } from "ai";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useShortcut } from "@/components/keyboard/keyboard-shortcuts";
import { useEffect, useRef, useState } from "react";
import type { ChatRequestInput, ConversationView } from "@/lib/chat/schemas";
import type { ImageView } from "@/lib/media/images/schemas";
import type { Jsonified } from "@/lib/jsonified";
import { messageFiles, messageText, readableChatError, toChatMessages, toFilePart, type ChatMessage } from "./chat-messages";
import { ChatSettingsButton, type GenerationSettings } from "./chat-settings";
import { Composer } from "./composer";
import { MessageItem, type MessageActions } from "./message-item";
import { ModelPicker } from "./model-picker";
import { NoProvider } from "./no-provider";
import { chatKeys, requestStop, useConversationView, useModels, useSwitchVersion, useUpdateChatSettings } from "./use-chat-data";

/** How long after a new chat's first reply its AI title is usually written. */
const TITLE_SETTLES_MS = 3000;

const SUGGESTIONS = [
  "Explain how HTTPS keeps my data private, in simple words",
  "Write a Python function that removes duplicates from a list, keeping order",
  "Draft a polite email asking to move a meeting to next week",
  "Summarise the pros and cons of remote work in a table",
];

/** What the next request needs; each send passes it to the transport as the request body. */
interface RequestState {
  conversationId: string | undefined;
  modelId: string | null;
  settings: GenerationSettings;
  /** Images attached to a new message; an edit keeps the edited message's images. */
  imageIds?: string[];
}

/**
 * Turns the AI SDK's request (the whole message list plus a trigger) into our API's body:
 * only the new input travels, since the server keeps the conversation.
 */
function buildRequestBody(
  state: RequestState,
  request: { messages: ChatMessage[]; trigger: "submit-message" | "regenerate-message"; messageId: string | undefined },
): ChatRequestInput {
  const generation = {
    // The picker's choice, auto (null) included, so a conversation left in manual mode can go back.
    modelId: state.modelId,
    temperature: state.settings.temperature ?? undefined,
  };
  if (request.trigger === "regenerate-message" && state.conversationId && request.messageId) {
    return { action: "regenerate", conversationId: state.conversationId, messageId: request.messageId, ...generation };
  }
  const message = messageText(request.messages.at(-1)!);
  if (request.messageId && state.conversationId) {
    return { action: "edit", conversationId: state.conversationId, messageId: request.messageId, message, ...generation };
  }
  return {
    action: "send",
    conversationId: state.conversationId,
    message,
    imageIds: state.imageIds?.length ? state.imageIds : undefined,
    systemPrompt: state.conversationId ? undefined : state.settings.systemPrompt.trim() || undefined,
    ...generation,
  };
}

export function ChatView({ initialView }: { initialView?: ConversationView }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const conversationId = initialView?.conversation.id;
  const viewQuery = useConversationView(conversationId, initialView);
  const view = viewQuery.data;
  const models = useModels();
  const switchVersion = useSwitchVersion(conversationId);
  const updateSettings = useUpdateChatSettings(conversationId);

  const [modelId, setModelId] = useState<string | null>(
    initialView?.conversation.modelMode === "manual" ? initialView.conversation.modelId : null,
  );
  const [settings, setSettings] = useState<GenerationSettings>({
    systemPrompt: initialView?.conversation.systemPrompt ?? "",
    temperature: initialView?.conversation.temperature ?? null,
  });
  const [draft, setDraft] = useState("");

  // A view fetched before a stream ended would show the conversation without its newest reply.
  const streamEndedAt = useRef(0);
  const [transport] = useState(
    () =>
      new DefaultChatTransport<ChatMessage>({
        api: "/api/v1/chat",
        prepareSendMessagesRequest: (request) => ({ body: buildRequestBody(request.body as unknown as RequestState, request) }),
      }),
  );
  /** Every send carries the settings of the moment it was made. */
  const requestOptions = (): { body: RequestState } => ({ body: { conversationId, modelId, settings } });

  const { messages, setMessages, sendMessage, regenerate, stop, status, error, clearError } = useChat<ChatMessage>({
    messages: initialView ? toChatMessages(initialView) : [],
    transport,
    experimental_throttle: 30,
    onFinish: ({ message }) => {
      streamEndedAt.current = Date.now();
      const id = message.metadata?.conversationId ?? conversationId;
      if (!id) return;
      void queryClient.invalidateQueries({ queryKey: ["conversations"] });
      if (!conversationId) {
        // The first turn created the conversation: its page takes over from here. Its AI title
        // is written just after the reply; one more read shortly after picks it up.
        router.replace(`/chat/${id}`);
        setTimeout(() => void queryClient.invalidateQueries({ queryKey: ["conversations"] }), TITLE_SETTLES_MS);
        setTimeout(() => void queryClient.invalidateQueries({ queryKey: chatKeys.view(id) }), TITLE_SETTLES_MS);
        return;
      }
      void queryClient.invalidateQueries({ queryKey: chatKeys.view(id) });
    },
  });

  const streaming = status === "submitted" || status === "streaming";
  useEffect(() => {
    if (!view || streaming || viewQuery.dataUpdatedAt < streamEndedAt.current) return;
    setMessages(toChatMessages(view));
  }, [view, viewQuery.dataUpdatedAt, streaming, setMessages]);

  const title = view?.conversation.title ?? messages.findLast((message) => message.metadata?.title)?.metadata?.title ?? "New chat";
  useEffect(() => {
    document.title = `${title} · BaatCheet`;
  }, [title]);

  /** A reply still generating for this conversation in another tab, or from before a reload. */
  const generatingElsewhere = !streaming && Boolean(view?.messages.some((message) => message.status === "streaming"));
  const busy = streaming || generatingElsewhere;

  const scrollRef = useRef<HTMLDivElement>(null);
  const stickToBottom = useRef(true);
  useEffect(() => {
    const element = scrollRef.current;
    if (element && stickToBottom.current) element.scrollTop = element.scrollHeight;
  }, [messages]);

  const send = (text: string, images: Jsonified<ImageView>[]) => {
    stickToBottom.current = true;
    clearError();
    const files = images.map((image) => toFilePart({ imageId: image.id, name: image.originalName, mime: image.mime }));
    const { body } = requestOptions();
    void sendMessage({ text, files }, { body: { ...body, imageIds: images.map((image) => image.id) } });
  };

  const stopReply = () => {
    const id = conversationId ?? messages.findLast((message) => message.metadata?.conversationId)?.metadata?.conversationId;
    if (id) void requestStop(id).catch(() => undefined);
    if (streaming) void stop();
  };

  const modelName = (id: string) =>
    models.data?.find((model) => model.id === id)?.displayName ?? id.split(":").slice(1).join(":");
  const actions: MessageActions = {
    enabled: !busy,
    onEdit: (messageId, text) => {
      clearError();
      // The edited message keeps its images, on screen as on the server.
      const edited = messages.find((message) => message.id === messageId);
      const files = edited ? messageFiles(edited) : [];
      void sendMessage({ text, files, messageId }, requestOptions());
    },
    onRegenerate: (messageId) => {
      clearError();
      void regenerate({ messageId, ...requestOptions() });
    },
    onSwitchVersion: (messageId) => switchVersion.mutate(messageId),
    modelName,
  };

  const saveSettings = async (next: GenerationSettings) => {
    if (conversationId) {
      await updateSettings.mutateAsync({ systemPrompt: next.systemPrompt.trim() || null, temperature: next.temperature });
    }
    setSettings(next);
  };

  const [announcement, setAnnouncement] = useState("");
  useEffect(() => {
    if (!announcement) return;
    const timer = setTimeout(() => setAnnouncement(""), 2500);
    return () => clearTimeout(timer);
  }, [announcement]);
  useShortcut("copyLastReply", () => {
    const reply = messages.findLast((message) => message.role === "assistant" && messageText(message));
    if (!reply) return setAnnouncement("There is no reply to copy yet.");
    navigator.clipboard.writeText(messageText(reply)).then(
      () => setAnnouncement("Copied the last reply."),
      () => setAnnouncement("The browser did not allow copying."),
    );
  });

  const project = view?.conversation.project ?? null;
  const instructions = [
    project?.hasInstructions && "project instructions",
    settings.systemPrompt.trim() && "system prompt",
  ].filter(Boolean);

  const last = messages.at(-1);
  // An error before any reply started (refused request, network): nothing in the list shows it.
  const requestError = error && last?.role !== "assistant" ? readableChatError(error) : undefined;
  const noProvider = models.data?.length === 0;

  return (
    <div className="flex h-full flex-col">
      <header className="flex min-h-12 shrink-0 items-center gap-2 border-b border-zinc-200 px-4 py-1.5 dark:border-zinc-800">
        <div className="min-w-0 flex-1">
          <h1 data-testid="chat-title" className="truncate text-sm font-medium">
            {title}
          </h1>
          {(project || instructions.length > 0) && (
            <p className="flex min-w-0 items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400">
              {project && (
                <Link
                  href={`/projects/${project.id}`}
                  data-testid="chat-project"
                  className="min-w-0 truncate rounded underline-offset-2 hover:underline"
                >
                  <span aria-hidden="true">{project.emoji ?? "📁"} </span>
                  <span className="sr-only">Project: </span>
                  {project.name}
                </Link>
              )}
              {instructions.length > 0 && (
                <span data-testid="chat-instructions" className="shrink-0 rounded-full bg-zinc-100 px-2 dark:bg-zinc-800">
                  {/* Says which instructions the model gets before each message. */}
                  {capitalise(instructions.join(" + "))} on
                </span>
              )}
            </p>
          )}
        </div>
        {models.data && models.data.length > 0 && (
          <ModelPicker models={models.data} value={modelId} onChange={setModelId} disabled={busy} />
        )}
        {models.isError && (
          <button
            type="button"
            data-testid="models-error"
            onClick={() => void models.refetch()}
            className="cursor-pointer text-xs text-red-700 underline dark:text-red-400"
          >
            Models did not load ({models.error.message}). Retry
          </button>
        )}
        <ChatSettingsButton settings={settings} onSave={saveSettings} />
      </header>

      <div
        ref={scrollRef}
        onScroll={(event) => {
          const element = event.currentTarget;
          stickToBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < 80;
        }}
        className="min-h-0 flex-1 overflow-y-auto"
      >
        {messages.length === 0 && noProvider ? (
          <NoProvider onCheckAgain={() => void models.refetch()} checking={models.isFetching} />
        ) : messages.length === 0 ? (
          <EmptyState onPick={(suggestion) => send(suggestion, [])} />
        ) : (
          <div role="log" aria-label="Conversation" className="mx-auto flex w-full max-w-3xl flex-col gap-6 px-4 py-6">
            {messages.map((message, index) => {
              const isLast = index === messages.length - 1;
              return (
                <MessageItem
                  key={message.id}
                  message={message}
                  actions={actions}
                  streaming={isLast && message.role === "assistant" && streaming}
                  streamError={isLast && message.role === "assistant" && error ? readableChatError(error) : undefined}
                />
              );
            })}
            {status === "submitted" && last?.role === "user" && (
              <div data-testid="message-pending" role="status" aria-label="Waiting for the reply" className="flex h-7 items-center gap-1">
                {[0, 150, 300].map((delay) => (
                  <span key={delay} style={{ animationDelay: `${delay}ms` }} className="size-1.5 animate-bounce rounded-full bg-zinc-400" />
                ))}
              </div>
            )}
            {requestError && (
              <div
                role="alert"
                data-testid="message-error"
                className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-300"
              >
                {requestError}
              </div>
            )}
          </div>
        )}
      </div>

      <Composer
        busy={busy}
        disabledReason={
          // A shared project's chat started by another member: readable here, continued only by them.
          initialView?.conversation.readOnly
            ? "Only the person who started this chat can continue it."
            : noProvider
              ? "Connect an AI provider first (see above)"
              : null
        }
        onSend={send}
        onStop={stopReply}
        text={draft}
        onTextChange={setDraft}
      />
      <p
        role="status"
        data-testid="chat-announcement"
        className={
          announcement
            ? "fixed bottom-28 left-1/2 z-40 -translate-x-1/2 rounded-full bg-zinc-900 px-3 py-1 text-sm text-white shadow dark:bg-zinc-100 dark:text-zinc-900"
            : "sr-only"
        }
      >
        {announcement}
      </p>
    </div>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function EmptyState({ onPick }: { onPick: (text: string) => void }) {
  return (
    <div className="flex h-full flex-col items-center justify-center gap-6 px-4">
      <h2 data-testid="chat-empty" className="text-center text-2xl font-semibold tracking-tight sm:text-3xl">
        How can I help you today?
      </h2>
      <div className="grid w-full max-w-2xl gap-2 sm:grid-cols-2">
        {SUGGESTIONS.map((suggestion) => (
          <button
            key={suggestion}
            type="button"
            onClick={() => onPick(suggestion)}
            className="cursor-pointer rounded-xl border border-zinc-200 p-3 text-left text-sm text-zinc-700 transition-colors hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-zinc-900 dark:border-zinc-800 dark:text-zinc-300 dark:hover:bg-zinc-900 dark:focus-visible:outline-zinc-100"
          >
            {suggestion}
          </button>
        ))}
      </div>
    </div>
  );
}
