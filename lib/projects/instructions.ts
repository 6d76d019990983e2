// A project's system instructions come first, then the conversation's own system prompt, so a
// conversation can refine (or override) what its project asks for.

export function joinSystemPrompts(projectInstructions: string | null | undefined, systemPrompt: string | null | undefined): string | null {
  const parts = [projectInstructions, systemPrompt].filter((part): part is string => Boolean(part?.trim()));
  return parts.length ? parts.join("\n\n") : null;
}
