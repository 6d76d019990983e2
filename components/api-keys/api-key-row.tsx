"use client";

import { useState } from "react";
import { FormError } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { useApiKeyUsage, useRevokeApiKey, useRotateApiKey, type ApiKeyItem, type CreatedKey } from "./use-api-keys";

const graceChoices = [
  { label: "24 hours (default)", seconds: 86_400 },
  { label: "1 hour", seconds: 3_600 },
  { label: "7 days", seconds: 604_800 },
  { label: "None: the old secret stops now", seconds: 0 },
];

const dateTime = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
const date = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: "medium" });

const statusStyles: Record<ApiKeyItem["status"], string> = {
  active: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
  expired: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
  revoked: "bg-zinc-200 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
};

export function ApiKeyRow({ apiKey, onRotated }: { apiKey: ApiKeyItem; onRotated: (created: CreatedKey) => void }) {
  const [mode, setMode] = useState<"idle" | "rotate" | "revoke" | "usage">("idle");
  const [grace, setGrace] = useState(86_400);
  const rotate = useRotateApiKey();
  const revoke = useRevokeApiKey();
  const usage = useApiKeyUsage(apiKey.id, mode === "usage");
  const live = apiKey.status !== "revoked";
  const error = rotate.error ?? revoke.error;

  return (
    <li data-testid="api-key-row" data-key-name={apiKey.name} className="space-y-3 py-4 first:pt-0 last:pb-0">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 space-y-1">
          <p className="flex flex-wrap items-center gap-2">
            <span className="font-medium break-all">{apiKey.name}</span>
            <span data-testid="api-key-status" className={`rounded px-1.5 py-0.5 text-xs font-medium ${statusStyles[apiKey.status]}`}>
              {apiKey.status}
            </span>
          </p>
          <p className="font-mono text-xs text-zinc-600 dark:text-zinc-400" data-testid="api-key-prefix">
            {apiKey.prefix}…
          </p>
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            {apiKey.permissions.join(", ")} · {apiKey.rateLimitPerHour}/hour{apiKey.customRateLimit ? "" : " (plan default)"} ·{" "}
            <span data-testid="api-key-usage-count">{apiKey.usageCount}</span> requests · last used{" "}
            {apiKey.lastUsedAt ? dateTime(apiKey.lastUsedAt) : "never"}
            {apiKey.expiresAt && ` · ${apiKey.status === "expired" ? "expired" : "expires"} ${date(apiKey.expiresAt)}`}
          </p>
          {apiKey.previousSecretExpiresAt && live && (
            <p className="text-xs text-amber-700 dark:text-amber-300">The previous secret works until {dateTime(apiKey.previousSecretExpiresAt)}.</p>
          )}
        </div>
        <div className="flex gap-1">
          <Button variant="ghost" size="sm" aria-expanded={mode === "usage"} onClick={() => setMode(mode === "usage" ? "idle" : "usage")} data-testid="api-key-usage-toggle">
            Usage
          </Button>
          {live && (
            <>
              <Button variant="ghost" size="sm" onClick={() => setMode("rotate")} data-testid="api-key-rotate">
                Rotate
              </Button>
              <Button variant="ghost" size="sm" onClick={() => setMode("revoke")} data-testid="api-key-revoke">
                Revoke
              </Button>
            </>
          )}
        </div>
      </div>

      {mode === "rotate" && (
        <div className="space-y-3 rounded-lg border border-zinc-200 p-3 text-sm dark:border-zinc-800" role="group" aria-label="Rotate key">
          <p>A new secret replaces this one. Keep the old one working while you switch over for:</p>
          <select
            aria-label="Grace period"
            data-testid="api-key-grace"
            className="block h-9 w-full rounded-lg border border-zinc-300 bg-white px-2 dark:border-zinc-700 dark:bg-zinc-950"
            value={grace}
            onChange={(event) => setGrace(Number(event.target.value))}
          >
            {graceChoices.map((choice) => (
              <option key={choice.seconds} value={choice.seconds}>
                {choice.label}
              </option>
            ))}
          </select>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" size="sm" onClick={() => setMode("idle")}>
              Cancel
            </Button>
            <Button
              size="sm"
              pending={rotate.isPending}
              data-testid="api-key-rotate-confirm"
              onClick={() =>
                rotate.mutate(
                  { id: apiKey.id, gracePeriodSeconds: grace },
                  {
                    onSuccess: (created) => {
                      setMode("idle");
                      onRotated(created);
                    },
                  },
                )
              }
            >
              Rotate
            </Button>
          </div>
        </div>
      )}

      {mode === "revoke" && (
        <div className="space-y-3 rounded-lg border border-red-200 p-3 text-sm dark:border-red-900/60" role="group" aria-label="Revoke key">
          <p>Revoking stops this key (and any previous secret) at once. Apps using it will get 401.</p>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" size="sm" onClick={() => setMode("idle")}>
              Cancel
            </Button>
            <Button
              size="sm"
              className="bg-red-600 text-white hover:bg-red-500 dark:bg-red-600 dark:text-white dark:hover:bg-red-500"
              pending={revoke.isPending}
              data-testid="api-key-revoke-confirm"
              onClick={() => revoke.mutate(apiKey.id, { onSuccess: () => setMode("idle") })}
            >
              Revoke key
            </Button>
          </div>
        </div>
      )}

      {mode === "usage" && <UsageChart state={usage} />}
      {error && <FormError>{error.message}</FormError>}
    </li>
  );
}

function UsageChart({ state }: { state: ReturnType<typeof useApiKeyUsage> }) {
  if (state.isPending) {
    return (
      <p className="flex items-center gap-2 text-sm text-zinc-500 dark:text-zinc-400">
        <Spinner /> Loading usage…
      </p>
    );
  }
  if (state.error) return <FormError>{state.error.message}</FormError>;
  const days = state.data.days;
  const peak = Math.max(1, ...days.map((day) => day.calls));
  const total = days.reduce((sum, day) => sum + day.calls, 0);
  return (
    <figure data-testid="api-key-usage" className="space-y-2">
      <div className="flex h-16 items-end gap-1" aria-hidden="true">
        {days.map((day) => (
          <div
            key={day.date}
            title={`${day.date}: ${day.calls} calls, ${day.promptTokens + day.completionTokens} tokens`}
            className="flex-1 rounded-t bg-sky-500/70"
            style={{ height: `${Math.max(2, (day.calls / peak) * 100)}%` }}
          />
        ))}
      </div>
      <figcaption className="text-xs text-zinc-500 dark:text-zinc-400">
        {total === 0 ? "No model calls in the last 14 days." : `${total} model calls in the last 14 days (UTC days, oldest left).`}
      </figcaption>
    </figure>
  );
}
