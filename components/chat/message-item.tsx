"use client";

import { useState, type KeyboardEvent } from "react";
import { buttonClass } from "@/components/ui/button-class";
import { cx } from "@/components/ui/cx";
import { AlertIcon, ChevronLeftIcon, ChevronRightIcon, EditIcon, RegenerateIcon } from "@/components/ui/icons";
import type { ReplyRoute } from "@/lib/chat/schemas";
import { messageFiles, messageText, type ChatMessage } from "./chat-messages";
import { CopyButton } from "./copy-button";
import { Markdown } from "./markdown";

export interface MessageActions {
  /** False while a reply streams: one turn at a time. */
  enabled: boolean;
  onEdit: (messageId: string, text: string) => void;
  onRegenerate: (messageId: string) => void;
  onSwitchVersion: (messageId: string) => void;
  modelName: (modelId: string) => string;
}

interface MessageItemProps {
  message: ChatMessage;
  actions: MessageActions;
  /** This reply is arriving right now. */
  streaming: boolean;
  /** The stream's error, for the reply it ended. */
  streamError?: string;
}

export function MessageItem(props: MessageItemProps) {
  return props.message.role === "user" ? <UserMessage {...props} /> : <AssistantMessage {...props} />;
}

function UserMessage({ message, actions }: MessageItemProps) {
  const text = messageText(message);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(text);
  const persisted = Boolean(message.metadata?.versions);

  const save = () => {
    const next = draft.trim();
    if (!next) return;
    setEditing(false);
    if (next !== text) actions.onEdit(message.id, next);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Escape") setEditing(false);
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      save();
    }
  };

  const files = messageFiles(message);

  return (
    <div data-testid="message-user" className="group flex flex-col items-end gap-1">
      {files.length > 0 && (
        <ul aria-label="Attached images" className="flex max-w-[85%] flex-wrap justify-end gap-2">
          {files.map((file) => (
            <li key={file.url}>
              <a href={file.url} target="_blank" rel="noreferrer" title={file.filename} className="block">
                {/* eslint-disable-next-line @next/next/no-img-element -- an authorised download; next/image would proxy it without the session */}
                <img
                  data-testid="message-image"
                  src={file.url}
                  alt={file.filename ?? "Attached image"}
                  loading="lazy"
                  className="max-h-48 max-w-60 rounded-xl border border-zinc-200 object-cover dark:border-zinc-800"
                />
              </a>
            </li>
          ))}
        </ul>
      )}
      {editing ? (
        <div className="w-full max-w-[85%] rounded-2xl border border-zinc-300 bg-white p-2 dark:border-zinc-700 dark:bg-zinc-900">
          <label htmlFor={`edit-${message.id}`} className="sr-only">
            Edit your message
          </label>
          <textarea
            id={`edit-${message.id}`}
            data-testid="edit-input"
            autoFocus
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={onKeyDown}
            rows={Math.min(10, Math.max(2, draft.split("\n").length))}
            className="w-full resize-none rounded-lg bg-transparent p-2 text-[15px] focus-visible:outline-offset-0"
          />
          <div className="flex justify-end gap-2">
            <button type="button" onClick={() => setEditing(false)} className={buttonClass("ghost", "sm")}>
              Cancel
            </button>
            <button type="button" data-testid="edit-save" onClick={save} disabled={!draft.trim()} className={buttonClass("primary", "sm")}>
              Save and send
            </button>
          </div>
        </div>
      ) : (
        text && (
          <div className="max-w-[85%] rounded-2xl bg-zinc-100 px-4 py-2.5 text-[15px] leading-7 whitespace-pre-wrap break-words dark:bg-zinc-800">
            {text}
          </div>
        )
      )}
      {!editing && (
        <div className="flex items-center gap-1 opacity-0 transition-opacity group-focus-within:opacity-100 group-hover:opacity-100 max-md:opacity-100">
          <Versions message={message} actions={actions} />
          <CopyButton getText={() => text} label="Copy message" testId="message-copy" />
          {persisted && (
            <button
              type="button"
              data-testid="message-edit"
              aria-label="Edit message"
              title="Edit message"
              disabled={!actions.enabled}
              onClick={() => {
                setDraft(text);
                setEditing(true);
              }}
              className={buttonClass("ghost", "icon", "size-7")}
            >
              <EditIcon className="size-3.5" />
            </button>
          )}
        </div>
      )}
    </div>
  );
}

function AssistantMessage({ message, actions, streaming, streamError }: MessageItemProps) {
  const text = messageText(message);
  const status = message.metadata?.status;
  const error = streamError ?? (status === "error" ? (message.metadata?.error ?? "The reply failed.") : undefined);
  const route = message.metadata?.route ?? undefined;
  const persisted = Boolean(message.metadata?.versions);

  return (
    <div data-testid="message-assistant" aria-busy={streaming} className="group flex flex-col gap-1">
      {text ? <Markdown text={text} /> : streaming && <TypingDots />}
      {status === "incomplete" && !streaming && (
        <p data-testid="message-status" className="text-xs text-amber-700 dark:text-amber-400">
          {message.metadata?.error ? "Cut off: the reply ended early." : "Stopped: this reply is incomplete."}
        </p>
      )}
      {error && (
        <div
          role="alert"
          data-testid="message-error"
          className="flex items-start gap-2 rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-300"
        >
          <AlertIcon className="mt-0.5 size-4 shrink-0" />
          <span>
            {error}
            {/try again/i.test(error) ? "" : " Try again, or pick another model."}
          </span>
        </div>
      )}
      {!streaming && (
        <div
          className={cx(
            "flex items-center gap-1 transition-opacity",
            error ? "opacity-100" : "opacity-0 group-focus-within:opacity-100 group-hover:opacity-100 max-md:opacity-100",
          )}
        >
          <Versions message={message} actions={actions} />
          {text && <CopyButton getText={() => text} label="Copy reply" testId="message-copy" />}
          {persisted && (
            <button
              type="button"
              data-testid="message-regenerate"
              aria-label={error ? "Retry" : "Regenerate reply"}
              title={error ? "Retry" : "Regenerate reply"}
              disabled={!actions.enabled}
              onClick={() => actions.onRegenerate(message.id)}
              className={buttonClass("ghost", error ? "sm" : "icon", error ? "h-7" : "size-7")}
            >
              <RegenerateIcon className="size-3.5" />
              {error && "Retry"}
            </button>
          )}
          {route && <RouteBadge route={route} modelName={actions.modelName} />}
        </div>
      )}
    </div>
  );
}

/** "‹ 2 / 3 ›" between the edits or regenerations of one message. */
function Versions({ message, actions }: { message: ChatMessage; actions: MessageActions }) {
  const versions = message.metadata?.versions;
  if (!versions || versions.ids.length < 2) return null;
  const { ids, index } = versions;
  return (
    <div className="flex items-center text-xs text-zinc-500 dark:text-zinc-400">
      <button
        type="button"
        data-testid="version-prev"
        aria-label="Previous version"
        disabled={!actions.enabled || index === 0}
        onClick={() => actions.onSwitchVersion(ids[index - 1]!)}
        className={buttonClass("ghost", "icon", "size-7")}
      >
        <ChevronLeftIcon className="size-3.5" />
      </button>
      <span data-testid="version-label" aria-label={`Version ${index + 1} of ${ids.length}`} className="tabular-nums">
        {index + 1} / {ids.length}
      </span>
      <button
        type="button"
        data-testid="version-next"
        aria-label="Next version"
        disabled={!actions.enabled || index === ids.length - 1}
        onClick={() => actions.onSwitchVersion(ids[index + 1]!)}
        className={buttonClass("ghost", "icon", "size-7")}
      >
        <ChevronRightIcon className="size-3.5" />
      </button>
    </div>
  );
}

/** The model that answered; hovering shows the whole route, failovers included. */
function RouteBadge({ route, modelName }: { route: ReplyRoute; modelName: (modelId: string) => string }) {
  const failed = route.attempts.filter((attempt) => attempt.outcome !== "success");
  const details = [
    `${route.provider} · ${route.model} · key ${route.maskedKey}`,
    ...route.attempts.map(
      (attempt, index) =>
        `${index + 1}. ${attempt.provider} ${attempt.model}: ${attempt.outcome}${attempt.status ? ` (${attempt.status})` : ""}`,
    ),
  ].join("\n");
  return (
    <span data-testid="message-route" title={details} className="ml-1 cursor-help text-xs text-zinc-500 dark:text-zinc-400">
      {modelName(route.model)}
      {failed.length > 0 && ` · after ${failed.length} failover${failed.length > 1 ? "s" : ""}`}
    </span>
  );
}

function TypingDots() {
  return (
    <span role="status" aria-label="Thinking" className="flex h-7 items-center gap-1">
      {[0, 150, 300].map((delay) => (
        <span key={delay} style={{ animationDelay: `${delay}ms` }} className="size-1.5 animate-bounce rounded-full bg-zinc-400" />
      ))}
    </span>
  );
}
