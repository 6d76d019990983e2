"use client";

import { useEffect, useRef, type FormEvent, type KeyboardEvent } from "react";
import { cx } from "@/components/ui/cx";
import { SendIcon, StopIcon } from "@/components/ui/icons";
import { useHydrated } from "@/components/ui/use-hydrated";
import { MAX_MESSAGE_CHARS } from "@/lib/chat/schemas";

interface ComposerProps {
  busy: boolean;
  /** Why the composer cannot send (no provider configured); null when it can. */
  disabledReason: string | null;
  onSend: (text: string) => void;
  onStop: () => void;
  /** Owned by the page, so a suggestion from the empty state can fill the box. */
  text: string;
  onTextChange: (text: string) => void;
}

export function Composer({ busy, disabledReason, onSend, onStop, text, onTextChange: setText }: ComposerProps) {
  const inputRef = useRef<HTMLTextAreaElement>(null);
  // Before hydration Enter would only add a new line and the message would seem ignored.
  const hydrated = useHydrated();
  const tooLong = text.length > MAX_MESSAGE_CHARS;
  const canSend = hydrated && !busy && !disabledReason && text.trim().length > 0 && !tooLong;

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
    onSend(text.trim());
    setText("");
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    } else if (event.key === "Escape" && busy) {
      event.preventDefault();
      onStop();
    }
  };

  return (
    <form onSubmit={submit} className="mx-auto w-full max-w-3xl px-4 pb-4">
      <div
        className={cx(
          "flex items-end gap-2 rounded-3xl border bg-white p-2 pl-4 shadow-sm dark:bg-zinc-900",
          tooLong ? "border-red-400" : "border-zinc-200 dark:border-zinc-800",
        )}
      >
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
          placeholder="Message BaatCheet"
          aria-describedby="chat-composer-note"
          className="max-h-60 min-h-10 flex-1 resize-none bg-transparent py-2 text-[15px] placeholder:text-zinc-400 focus:outline-none disabled:cursor-not-allowed dark:placeholder:text-zinc-500"
        />
        {busy ? (
          <button
            type="button"
            data-testid="chat-stop"
            onClick={onStop}
            aria-label="Stop the reply"
            title="Stop (Esc)"
            className="grid size-9 shrink-0 cursor-pointer place-items-center rounded-full bg-zinc-900 text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900"
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
            className="grid size-9 shrink-0 cursor-pointer place-items-center rounded-full bg-zinc-900 text-white hover:bg-zinc-700 disabled:cursor-not-allowed disabled:opacity-40 dark:bg-zinc-100 dark:text-zinc-900"
          >
            <SendIcon />
          </button>
        )}
      </div>
      <p id="chat-composer-note" className={cx("mt-2 text-center text-xs", tooLong ? "text-red-600" : "text-zinc-500 dark:text-zinc-400")}>
        {disabledReason ??
          (tooLong
            ? `That is ${text.length.toLocaleString("en")} characters; a message can be at most ${MAX_MESSAGE_CHARS.toLocaleString("en")}.`
            : "Enter to send, Shift+Enter for a new line. AI can make mistakes.")}
      </p>
    </form>
  );
}
