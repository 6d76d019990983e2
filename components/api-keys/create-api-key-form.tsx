"use client";

import { useState, type FormEvent } from "react";
import { FormError } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Label } from "@/components/ui/label";
import type { ApiKeyPermissionName } from "@/lib/api-keys/schemas";
import { useCreateApiKey, type CreatedKey } from "./use-api-keys";

export const expiryChoices = [
  { label: "Never", days: null },
  { label: "7 days", days: 7 },
  { label: "30 days", days: 30 },
  { label: "90 days", days: 90 },
  { label: "1 year", days: 365 },
] as const;

const permissionHelp: Record<ApiKeyPermissionName, string> = {
  read: "Read conversations, models and other data (GET).",
  write: "Also make changes and chat completions.",
  admin: "Also reach admin endpoints.",
};

export function CreateApiKeyForm({
  isAdmin,
  planLimit,
  onCreated,
}: {
  isAdmin: boolean;
  planLimit: number;
  onCreated: (created: CreatedKey) => void;
}) {
  const create = useCreateApiKey();
  const [name, setName] = useState("");
  const [permissions, setPermissions] = useState<ApiKeyPermissionName[]>(["read", "write"]);
  const [expiryDays, setExpiryDays] = useState<number | null>(null);
  const [limit, setLimit] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const choices: ApiKeyPermissionName[] = isAdmin ? ["read", "write", "admin"] : ["read", "write"];

  function toggle(permission: ApiKeyPermissionName) {
    setPermissions((current) => (current.includes(permission) ? current.filter((entry) => entry !== permission) : [...current, permission]));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const limitValue = limit.trim() === "" ? null : Number(limit);
    if (name.trim() === "") return setProblem("Give the key a name.");
    if (permissions.length === 0) return setProblem("Choose at least one permission.");
    if (limitValue !== null && (!Number.isInteger(limitValue) || limitValue < 1 || limitValue > planLimit)) {
      return setProblem(`The hourly limit must be a whole number from 1 to ${planLimit}.`);
    }
    setProblem(null);
    create.mutate(
      {
        name: name.trim(),
        permissions,
        expiresAt: expiryDays === null ? null : new Date(Date.now() + expiryDays * 86_400_000).toISOString(),
        rateLimitPerHour: limitValue,
      },
      {
        onSuccess: (created) => {
          setName("");
          setLimit("");
          onCreated(created);
        },
      },
    );
  }

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4" data-testid="api-key-create-form">
      <Field
        id="api-key-name"
        label="Name"
        placeholder="e.g. CI deploy bot"
        maxLength={100}
        value={name}
        onChange={(event) => setName(event.target.value)}
        data-testid="api-key-name"
      />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">Permissions</legend>
        {choices.map((permission) => (
          <label key={permission} className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              className="mt-0.5 size-4"
              checked={permissions.includes(permission)}
              onChange={() => toggle(permission)}
              data-testid={`api-key-permission-${permission}`}
            />
            <span>
              <span className="font-medium">{permission}</span>
              <span className="text-zinc-500 dark:text-zinc-400"> — {permissionHelp[permission]}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="space-y-1.5">
          <Label htmlFor="api-key-expiry">Expires</Label>
          <select
            id="api-key-expiry"
            data-testid="api-key-expiry"
            className="block h-10 w-full rounded-lg border border-zinc-300 bg-white px-3 text-sm dark:border-zinc-700 dark:bg-zinc-950"
            value={expiryDays ?? ""}
            onChange={(event) => setExpiryDays(event.target.value === "" ? null : Number(event.target.value))}
          >
            {expiryChoices.map((choice) => (
              <option key={choice.label} value={choice.days ?? ""}>
                {choice.label}
              </option>
            ))}
          </select>
        </div>
        <Field
          id="api-key-limit"
          label="Requests per hour"
          type="number"
          inputMode="numeric"
          min={1}
          max={planLimit}
          placeholder={`${planLimit} (plan default)`}
          hint={`Up to ${planLimit} on your plan.`}
          value={limit}
          onChange={(event) => setLimit(event.target.value)}
          data-testid="api-key-limit"
        />
      </div>
      {(problem ?? create.error) && <FormError>{problem ?? create.error?.message}</FormError>}
      <div className="flex justify-end">
        <Button type="submit" pending={create.isPending} data-testid="api-key-create">
          Create key
        </Button>
      </div>
    </form>
  );
}
