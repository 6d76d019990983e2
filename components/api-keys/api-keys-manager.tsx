"use client";

import { useState } from "react";
import { Card } from "@/components/ui/card";
import { FormError } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { ApiKeyRow } from "./api-key-row";
import { CreateApiKeyForm } from "./create-api-key-form";
import { SecretReveal } from "./secret-reveal";
import { useApiKeys, type CreatedKey } from "./use-api-keys";

export function ApiKeysManager({ isAdmin, planLimit }: { isAdmin: boolean; planLimit: number }) {
  const keys = useApiKeys();
  const [revealed, setRevealed] = useState<{ created: CreatedKey; rotated: boolean } | null>(null);

  return (
    <div className="space-y-6">
      <Card className="space-y-4 p-6">
        <h2 className="text-base font-semibold">Create a key</h2>
        {revealed ? (
          <SecretReveal
            secret={revealed.created.secret}
            title={revealed.rotated ? `New secret for “${revealed.created.apiKey.name}”` : `Key “${revealed.created.apiKey.name}” created`}
            onDone={() => setRevealed(null)}
          />
        ) : (
          <CreateApiKeyForm isAdmin={isAdmin} planLimit={planLimit} onCreated={(created) => setRevealed({ created, rotated: false })} />
        )}
      </Card>

      <Card className="p-6">
        <h2 className="mb-4 text-base font-semibold">Your keys</h2>
        {keys.isPending ? (
          <p className="flex items-center gap-2 text-sm text-zinc-500 dark:text-zinc-400" data-testid="api-keys-loading">
            <Spinner /> Loading keys…
          </p>
        ) : keys.error ? (
          <div className="space-y-3">
            <FormError>{keys.error.message}</FormError>
            <Button variant="secondary" size="sm" onClick={() => keys.refetch()}>
              Try again
            </Button>
          </div>
        ) : keys.data.items.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="api-keys-empty">
            No keys yet. Create one above to call the API from your own apps.
          </p>
        ) : (
          <ul className="divide-y divide-zinc-200 dark:divide-zinc-800" data-testid="api-keys-list">
            {keys.data.items.map((apiKey) => (
              <ApiKeyRow key={apiKey.id} apiKey={apiKey} onRotated={(created) => setRevealed({ created, rotated: true })} />
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
