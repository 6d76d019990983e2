"use client";

import { useRef, useState } from "react";
import { buttonClass } from "@/components/ui/button-class";
import { SlidersIcon } from "@/components/ui/icons";

export interface GenerationSettings {
  systemPrompt: string;
  /** null: the model's default. */
  temperature: number | null;
}

/**
 * System prompt and temperature for the next turns, in a modal dialog (focus trapped, Esc
 * closes). Saving may fail (the server refuses); the dialog stays open with the reason.
 */
export function ChatSettingsButton({
  settings,
  onSave,
}: {
  settings: GenerationSettings;
  onSave: (settings: GenerationSettings) => Promise<void>;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [draft, setDraft] = useState(settings);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const open = () => {
    setDraft(settings);
    setError(null);
    dialogRef.current?.showModal();
  };
  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      await onSave(draft);
      dialogRef.current?.close();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : "Could not save the settings.");
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <button
        type="button"
        data-testid="chat-settings"
        onClick={open}
        aria-label="Chat settings"
        title="System prompt and temperature"
        className={buttonClass("ghost", "icon", "size-8")}
      >
        <SlidersIcon />
      </button>
      <dialog
        ref={dialogRef}
        aria-labelledby="chat-settings-title"
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-2xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-black/40 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
      >
        <form
          method="dialog"
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
          className="space-y-4 p-5"
        >
          <h2 id="chat-settings-title" className="text-base font-semibold">
            Chat settings
          </h2>
          <div className="space-y-1.5">
            <label htmlFor="system-prompt" className="text-sm font-medium">
              System prompt
            </label>
            <textarea
              id="system-prompt"
              data-testid="system-prompt"
              rows={5}
              maxLength={8000}
              value={draft.systemPrompt}
              onChange={(event) => setDraft({ ...draft, systemPrompt: event.target.value })}
              placeholder="e.g. You are a concise assistant. Answer in Urdu."
              className="w-full rounded-lg border border-zinc-300 bg-transparent p-2 text-sm focus:outline-2 focus:outline-zinc-900 dark:border-zinc-700 dark:focus:outline-zinc-100"
            />
            <p className="text-xs text-zinc-500 dark:text-zinc-400">Sent before every message of this conversation.</p>
          </div>
          <div className="space-y-1.5">
            <div className="flex items-center justify-between">
              <label htmlFor="temperature" className="text-sm font-medium">
                Temperature
              </label>
              <span className="text-sm tabular-nums text-zinc-500 dark:text-zinc-400">
                {draft.temperature === null ? "model default" : draft.temperature.toFixed(1)}
              </span>
            </div>
            <input
              id="temperature"
              data-testid="temperature"
              type="range"
              min={0}
              max={2}
              step={0.1}
              value={draft.temperature ?? 1}
              onChange={(event) => setDraft({ ...draft, temperature: Number(event.target.value) })}
              className="w-full"
            />
            <div className="flex justify-between text-xs text-zinc-500 dark:text-zinc-400">
              <span>Precise</span>
              <button type="button" onClick={() => setDraft({ ...draft, temperature: null })} className="underline">
                Use the model default
              </button>
              <span>Creative</span>
            </div>
          </div>
          {error && (
            <p role="alert" className="text-sm text-red-600 dark:text-red-400">
              {error}
            </p>
          )}
          <div className="flex justify-end gap-2">
            <button type="button" onClick={() => dialogRef.current?.close()} className={buttonClass("ghost", "sm")}>
              Cancel
            </button>
            <button type="submit" data-testid="chat-settings-save" disabled={saving} className={buttonClass("primary", "sm")}>
              {saving ? "Saving…" : "Save"}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
