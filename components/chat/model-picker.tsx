"use client";

import type { CatalogueModel } from "@/lib/ai/catalogue";

const AUTO = "auto";

/** Auto mode (the router picks per message) or one model, grouped by provider. */
export function ModelPicker({
  models,
  value,
  onChange,
  disabled,
}: {
  models: CatalogueModel[];
  value: string | null;
  onChange: (modelId: string | null) => void;
  disabled?: boolean;
}) {
  const providers = [...new Set(models.map((model) => model.provider))];
  return (
    <>
      <label htmlFor="model-picker" className="sr-only">
        Model
      </label>
      <select
        id="model-picker"
        data-testid="model-picker"
        value={value ?? AUTO}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value === AUTO ? null : event.target.value)}
        className="h-8 max-w-56 cursor-pointer truncate rounded-lg border border-zinc-200 bg-white px-2 text-sm dark:border-zinc-800 dark:bg-zinc-900"
      >
        <option value={AUTO}>Auto: best model for each message</option>
        {providers.map((provider) => (
          <optgroup key={provider} label={provider}>
            {models
              .filter((model) => model.provider === provider)
              .map((model) => (
                <option key={model.id} value={model.id}>
                  {model.displayName} · {model.tier}
                  {model.capabilities.vision ? " · vision" : ""}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
    </>
  );
}
