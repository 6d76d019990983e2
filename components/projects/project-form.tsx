"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { Label } from "@/components/ui/label";
import type { ProjectFields, ProjectItem } from "./use-projects";

const COLOURS = ["#6366f1", "#0ea5e9", "#10b981", "#f59e0b", "#ef4444", "#ec4899", "#71717a"];
const EMOJIS = ["📁", "💼", "📚", "🧪", "💡", "🛠️", "✍️", "🎯"];

/** Create or edit a project: name, description, colour, emoji, system instructions, shared or private. */
export function ProjectForm({
  project,
  pending,
  error,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  project?: ProjectItem;
  pending: boolean;
  error?: string;
  submitLabel: string;
  onSubmit: (fields: ProjectFields) => void;
  onCancel?: () => void;
}) {
  const [color, setColor] = useState<string | null>(project?.color ?? null);
  const [emoji, setEmoji] = useState<string | null>(project?.emoji ?? null);
  const idPrefix = project ? `project-${project.id}` : "project-new";

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    onSubmit({
      name: String(form.get("name") ?? ""),
      description: String(form.get("description") ?? "") || null,
      instructions: String(form.get("instructions") ?? "") || null,
      color,
      emoji,
      visibility: form.get("shared") ? "workspace" : "private",
    });
  };

  return (
    <form onSubmit={submit} className="space-y-4" data-testid="project-form">
      {error && <FormError>{error}</FormError>}
      <Field id={`${idPrefix}-name`} name="name" label="Name" required maxLength={80} defaultValue={project?.name} autoFocus />
      <Field
        id={`${idPrefix}-description`}
        name="description"
        label="Description"
        maxLength={500}
        defaultValue={project?.description ?? ""}
        hint="Optional: what the project is for."
      />
      <fieldset className="space-y-1.5">
        <legend className="text-sm font-medium">Emoji and colour</legend>
        <div className="flex flex-wrap items-center gap-1" role="radiogroup" aria-label="Emoji">
          {EMOJIS.map((option) => (
            <button
              key={option}
              type="button"
              role="radio"
              aria-checked={emoji === option}
              aria-label={`Emoji ${option}`}
              onClick={() => setEmoji(emoji === option ? null : option)}
              className={`grid size-8 cursor-pointer place-items-center rounded-md text-lg ${emoji === option ? "bg-zinc-200 ring-2 ring-zinc-900 dark:bg-zinc-700 dark:ring-zinc-100" : "hover:bg-zinc-100 dark:hover:bg-zinc-800"}`}
            >
              {option}
            </button>
          ))}
        </div>
        <div className="flex flex-wrap items-center gap-1.5" role="radiogroup" aria-label="Colour">
          {COLOURS.map((option) => (
            <button
              key={option}
              type="button"
              role="radio"
              aria-checked={color === option}
              aria-label={`Colour ${option}`}
              onClick={() => setColor(color === option ? null : option)}
              style={{ backgroundColor: option }}
              className={`size-6 cursor-pointer rounded-full ${color === option ? "ring-2 ring-zinc-900 ring-offset-2 dark:ring-zinc-100 dark:ring-offset-zinc-900" : ""}`}
            />
          ))}
        </div>
      </fieldset>
      <div className="space-y-1.5">
        <Label htmlFor={`${idPrefix}-instructions`}>Instructions</Label>
        <textarea
          id={`${idPrefix}-instructions`}
          name="instructions"
          data-testid="project-instructions"
          rows={4}
          maxLength={8000}
          defaultValue={project?.instructions ?? ""}
          placeholder="Sent to the model before every chat in this project, e.g. “Answer in British English and cite sources.”"
          className="block w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-950"
        />
      </div>
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          name="shared"
          data-testid="project-shared"
          defaultChecked={project?.visibility === "workspace"}
          className="mt-0.5 size-4"
        />
        <span>
          Share with everyone in this workspace
          <span className="block text-xs text-zinc-500 dark:text-zinc-400">
            Members see the project and its chats (read only: each chat is changed by the person who started it). Your personal workspace has no other members.
          </span>
        </span>
      </label>
      <div className="flex gap-2">
        <Button type="submit" pending={pending} data-testid="project-save">
          {submitLabel}
        </Button>
        {onCancel && (
          <Button variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}
