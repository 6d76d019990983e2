"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "./copy-button";

/** The smallest working setups, one per kind of provider; each is a block for the server's environment. */
const SETUPS = [
  { name: "Groq (free tier, fast)", lines: ["GROQ_API_KEY=gsk_your_key"] },
  { name: "OpenAI", lines: ["OPENAI_API_KEY=sk-your_key"] },
  { name: "Gemini", lines: ["GEMINI_API_KEY=your_key"] },
  {
    name: "Ollama on this machine (no account)",
    lines: ["OPENAI_COMPATIBLE_BASE_URL=http://localhost:11434/v1", "OPENAI_COMPATIBLE_MODELS=llama3.2"],
  },
] as const;

/**
 * The chat page when no model can answer yet: what to set, ready to copy, and a way to check
 * again once the server has been restarted with it.
 */
export function NoProvider({ onCheckAgain, checking }: { onCheckAgain: () => void; checking: boolean }) {
  const [checked, setChecked] = useState(false);
  return (
    <section data-testid="no-provider" aria-labelledby="no-provider-title" className="mx-auto flex w-full max-w-2xl flex-col gap-4 px-4 py-10">
      <h2 id="no-provider-title" className="text-2xl font-semibold tracking-tight">
        Connect an AI provider to start chatting
      </h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        This server has no model to talk to yet. Put one of these in the server&apos;s environment (or its <code>.env</code>{" "}
        file), restart it, then check again. More keys of the same provider (<code>GROQ_API_KEY_2</code>, …) are used in turn and
        take over when one fails.
      </p>
      <ul className="flex flex-col gap-3">
        {SETUPS.map((setup) => (
          <li key={setup.name} className="rounded-xl border border-zinc-200 dark:border-zinc-800">
            <div className="flex items-center justify-between gap-2 border-b border-zinc-200 px-3 py-1.5 text-sm font-medium dark:border-zinc-800">
              {setup.name}
              <CopyButton getText={() => setup.lines.join("\n")} label={`Copy the ${setup.name} settings`} />
            </div>
            <pre className="overflow-x-auto px-3 py-2 text-xs">
              <code>{setup.lines.join("\n")}</code>
            </pre>
          </li>
        ))}
      </ul>
      <div className="flex items-center gap-3">
        <Button
          onClick={() => {
            setChecked(true);
            onCheckAgain();
          }}
          pending={checking}
          data-testid="no-provider-check"
        >
          Check again
        </Button>
        <span role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
          {checking ? "Checking…" : checked ? "Still no provider configured. Was the server restarted with the new settings?" : ""}
        </span>
      </div>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Every setting is in the README&apos;s Configuration table, including OpenRouter, DeepSeek and Hugging Face.
      </p>
    </section>
  );
}
