import type { Metadata } from "next";
import { SendIcon } from "@/components/ui/icons";

export const metadata: Metadata = { title: "New chat" };

export default function ChatPage() {
  return (
    <div className="flex h-full flex-col">
      <div className="flex flex-1 items-center justify-center px-4">
        <h1 data-testid="chat-empty" className="text-center text-2xl font-semibold tracking-tight sm:text-3xl">
          How can I help you today?
        </h1>
      </div>
      <DisabledComposer />
    </div>
  );
}

/** Stands in for the composer until an AI provider is configured. */
function DisabledComposer() {
  return (
    <div className="mx-auto w-full max-w-3xl px-4 pb-4">
      <div className="flex items-end gap-2 rounded-3xl border border-zinc-200 bg-white p-2 pl-4 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
        <label htmlFor="chat-message" className="sr-only">
          Message
        </label>
        <textarea
          id="chat-message"
          rows={1}
          disabled
          placeholder="Message BaatCheet"
          aria-describedby="chat-composer-note"
          className="max-h-40 min-h-10 flex-1 resize-none bg-transparent py-2 text-sm placeholder:text-zinc-400 focus:outline-none disabled:cursor-not-allowed dark:placeholder:text-zinc-500"
        />
        <button
          type="button"
          disabled
          aria-label="Send message"
          className="grid size-9 shrink-0 cursor-not-allowed place-items-center rounded-full bg-zinc-900 text-white opacity-40 dark:bg-zinc-100 dark:text-zinc-900"
        >
          <SendIcon />
        </button>
      </div>
      <p id="chat-composer-note" className="mt-2 text-center text-xs text-zinc-500 dark:text-zinc-400">
        Add an AI provider to start chatting (see README → Configuration)
      </p>
    </div>
  );
}
