"use client";

import { useState } from "react";
import { Input } from "@/components/ui/input";

/** Hides the operations (and empty sections) that do not contain every word typed. */
function applyFilter(query: string): number | null {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  let visible = 0;
  for (const section of document.querySelectorAll<HTMLElement>("[data-api-section]")) {
    let sectionVisible = 0;
    for (const operation of section.querySelectorAll<HTMLElement>("[data-api-search]")) {
      const match = words.every((word) => operation.dataset.apiSearch!.includes(word));
      operation.hidden = !match;
      if (match) sectionVisible += 1;
    }
    section.hidden = sectionVisible === 0;
    visible += sectionVisible;
  }
  return words.length ? visible : null;
}

/**
 * Filters the server-rendered operations by path, method, summary or section, so the page
 * stays plain HTML (and readable without JavaScript) while the document is large.
 */
export function OperationFilter() {
  const [query, setQuery] = useState("");
  const [shown, setShown] = useState<number | null>(null);

  return (
    <div className="space-y-1">
      <Input
        type="search"
        aria-label="Filter endpoints"
        placeholder="Filter endpoints, e.g. “post api-keys” or “completions”"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setShown(applyFilter(event.target.value));
        }}
        data-testid="api-docs-filter"
      />
      {shown !== null && (
        <p className="text-xs text-zinc-500 dark:text-zinc-400" role="status" data-testid="api-docs-filter-count">
          {shown === 0 ? "No endpoint matches." : `${shown} endpoint${shown === 1 ? "" : "s"} match.`}
        </p>
      )}
    </div>
  );
}
