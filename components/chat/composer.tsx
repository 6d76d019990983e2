"use client";

import { useEffect, useRef, useState, type ClipboardEvent, type DragEvent, type FormEvent, type KeyboardEvent } from "react";
import { useShortcut } from "@/components/keyboard/keyboard-shortcuts";
import { cx } from "@/components/ui/cx";
import { PaperclipIcon, SendIcon, StopIcon } from "@/components/ui/icons";
import { useCoarsePointer } from "@/components/ui/use-coarse-pointer";
import { useHydrated } from "@/components/ui/use-hydrated";
import { MAX_CHAT_IMAGES, MAX_MESSAGE_CHARS } from "@/lib/chat/schemas";
import type { ImageView } from "@/lib/media/images/schemas";
import type { Jsonified } from "@/lib/jsonified";
import { AttachmentTray } from "./attachment-tray";
import { composerButtonClass } from "./composer-button-class";
import { useAttachments } from "./use-attachments";
import { useDictation, VoiceInput } from "./voice-input";

interface ComposerProps {
  busy: boolean;
  /** Why the composer cannot send (no provider configured); null when it can. */
  disabledReason: string | null;
  onSend: (text: string, images: Jsonified<ImageView>[]) => void;
  onStop: () => void;
  /** Owned by the page, so a suggestion from the empty state can fill the box. */
  text: string;
  onTextChange: (text: string) => void;
}

export function Composer({ busy, disabledReason, onSend, onStop, text, onTextChange: setText }: ComposerProps) {
  const inputRef = useRef<HTMLTextAreaElement>(null);
  // Before hydration Enter would only add a new line and the message would seem ignored.
  const hydrated = useHydrated();
  // On a phone Enter adds a line (its keyboard has no Shift+Enter) and the button sends.
  const touch = useCoarsePointer();
  useShortcut("focusComposer", () => inputRef.current?.focus());
  // Dictation ends after the person may have typed more: add to the text as it is then.
  const latestText = useRef(text);
  useEffect(() => {
    latestText.current = text;
  }, [text]);

  const attachments = useAttachments();
  const dictation = useDictation((words) => {
    const current = latestText.current;
    setText(current.trim() ? `${current.trimEnd()} ${words}` : words);
    inputRef.current?.focus();
  });
  const fileInputRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const tooLong = text.length > MAX_MESSAGE_CHARS;
  const hasContent = text.trim().length > 0 || attachments.ready.length > 0;
  // A send waits for uploads to finish, and for failed ones to be removed, so nothing is silently left out.
  const canSend = hydrated && !busy && !disabledReason && hasContent && !tooLong && !attachments.uploading && !attachments.failed;

  // `autoFocus` would fire while the box is still disabled, so focus once it is usable.
  useEffect(() => {
    if (hydrated) inputRef.current?.focus();
  }, [hydrated]);

  // Grow with the text up to a limit, then scroll.
  useEffect(() => {
    const input = inputRef.current;
    if (!input) return;
    input.style.height = "auto";
    input.style.height = `${Math.min(input.scrollHeight, 240)}px`;
  }, [text]);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!canSend) return;
    onSend(text.trim(), attachments.ready);
    setText("");
    attachments.clear();
  };

  /** Images join the message; an audio file is transcribed into the box, like dictation. */
  const addFiles = (files: File[]) => {
    const audio = files.find((file) => file.type.startsWith("audio/"));
    if (audio && !dictation.transcribing) dictation.transcribe(audio, audio.name);
    const rest = files.filter((file) => !file.type.startsWith("audio/"));
    if (rest.length > 0) attachments.add(rest);
  };
  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const files = [...event.clipboardData.files];
    if (files.length === 0) return;
    event.preventDefault();
    addFiles(files);
  };
  const onDrop = (event: DragEvent<HTMLFormElement>) => {
    setDragging(false);
    if (event.dataTransfer.files.length === 0) return;
    event.preventDefault();
    addFiles([...event.dataTransfer.files]);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && !event.shiftKey && !touch && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    } else if (event.key === "Escape" && !event.shiftKey && busy) {
      event.preventDefault();
      onStop();
    }
  };

  return (
    <form
      onSubmit={submit}
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes("Files")) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      className="mx-auto w-full max-w-3xl px-4 pb-4"
    >
      <AttachmentTray attachments={attachments} />
      <div
        className={cx(
          "flex items-end gap-1 rounded-3xl border bg-white p-2 shadow-sm dark:bg-zinc-900",
          // The text box draws no outline of its own: the whole box shows the focus.
          "has-[textarea:focus-visible]:ring-2 has-[textarea:focus-visible]:ring-zinc-900 dark:has-[textarea:focus-visible]:ring-zinc-100",
          tooLong ? "border-red-400" : dragging ? "border-zinc-900 ring-2 ring-zinc-300 dark:border-zinc-100" : "border-zinc-200 dark:border-zinc-800",
        )}
      >
        <input
          ref={fileInputRef}
          type="file"
          data-testid="attach-input"
          accept="image/png,image/jpeg,image/webp,image/gif,audio/*"
          multiple
          hidden
          onChange={(event) => {
            addFiles([...(event.target.files ?? [])]);
            event.target.value = "";
          }}
        />
        <button
          type="button"
          data-testid="attach-image"
          aria-label="Attach images or an audio file"
          title={`Attach images (up to ${MAX_CHAT_IMAGES}) or an audio file to transcribe; you can also paste or drop them`}
          disabled={!hydrated || Boolean(disabledReason)}
          onClick={() => fileInputRef.current?.click()}
          className={composerButtonClass("ghost")}
        >
          <PaperclipIcon />
        </button>
        <label htmlFor="chat-message" className="sr-only">
          Message
        </label>
        <textarea
          ref={inputRef}
          id="chat-message"
          data-testid="chat-input"
          rows={1}
          value={text}
          disabled={!hydrated || Boolean(disabledReason)}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          placeholder="Message BaatCheet"
          aria-describedby="chat-composer-note"
          className="max-h-60 min-h-10 flex-1 resize-none bg-transparent py-2 text-[15px] placeholder:text-zinc-400 focus:outline-none disabled:cursor-not-allowed dark:placeholder:text-zinc-500"
        />
        <VoiceInput disabled={!hydrated || Boolean(disabledReason)} dictation={dictation} />
        {busy ? (
          <button
            type="button"
            data-testid="chat-stop"
            onClick={onStop}
            aria-label="Stop the reply"
            title="Stop (Esc)"
            className={composerButtonClass("solid")}
          >
            <StopIcon />
          </button>
        ) : (
          <button
            type="submit"
            data-testid="chat-send"
            disabled={!canSend}
            aria-label="Send message"
            title="Send (Enter)"
            className={composerButtonClass("solid")}
          >
            <SendIcon />
          </button>
        )}
      </div>
      <p id="chat-composer-note" data-testid="chat-composer-note" className={cx("mt-2 text-center text-xs", tooLong ? "text-red-600" : "text-zinc-500 dark:text-zinc-400")}>
        {disabledReason ??
          attachments.notice ??
          (tooLong
            ? `That is ${text.length.toLocaleString("en")} characters; a message can be at most ${MAX_MESSAGE_CHARS.toLocaleString("en")}.`
            : touch
              ? "AI can make mistakes."
              : "Enter to send, Shift+Enter for a new line. AI can make mistakes.")}
      </p>
    </form>
  );
}
