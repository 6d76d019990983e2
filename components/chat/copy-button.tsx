"use client";

import { useEffect, useState } from "react";
import { buttonClass } from "@/components/ui/button-class";
import { CheckIcon, CopyIcon } from "@/components/ui/icons";

export function CopyButton({ getText, label, testId }: { getText: () => string; label: string; testId?: string }) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);

  return (
    <button
      type="button"
      data-testid={testId}
      aria-label={copied ? "Copied" : label}
      title={copied ? "Copied" : label}
      onClick={() => {
        navigator.clipboard.writeText(getText()).then(
          () => setCopied(true),
          () => setCopied(false),
        );
      }}
      className={buttonClass("ghost", "icon", "size-7")}
    >
      {copied ? <CheckIcon className="size-3.5" /> : <CopyIcon className="size-3.5" />}
    </button>
  );
}
