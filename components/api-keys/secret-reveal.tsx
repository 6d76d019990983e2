"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/** A new secret, shown this once, with a copy button; dismissing it hides it for good. */
export function SecretReveal({ secret, title, onDone }: { secret: string; title: string; onDone: () => void }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  useEffect(() => {
    if (copied !== "yes") return;
    const timer = setTimeout(() => setCopied(null), 2000);
    return () => clearTimeout(timer);
  }, [copied]);

  return (
    <div
      role="status"
      data-testid="api-key-secret-panel"
      className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100"
    >
      <p className="font-medium">{title}</p>
      <p>Copy it now and keep it somewhere safe: it is not shown again.</p>
      <div className="flex gap-2">
        <Input
          readOnly
          aria-label="API key secret"
          value={secret}
          data-testid="api-key-secret"
          className="font-mono"
          onFocus={(event) => event.currentTarget.select()}
        />
        <Button
          variant="secondary"
          data-testid="api-key-copy"
          onClick={() => {
            navigator.clipboard.writeText(secret).then(
              () => setCopied("yes"),
              () => setCopied("failed"),
            );
          }}
        >
          {copied === "yes" ? "Copied" : "Copy"}
        </Button>
      </div>
      {copied === "failed" && <p>Copying is blocked here: select the key and copy it by hand.</p>}
      <div className="flex justify-end">
        <Button size="sm" onClick={onDone} data-testid="api-key-secret-done">
          I have stored it
        </Button>
      </div>
    </div>
  );
}
