// Markdown, plain text and JSON renderings of exported conversations. Pure functions of the
// loaded data, so every detail (escaping, dates, the model of each reply) is unit-tested.
import type { ExportConversation, ExportMessage } from "./schemas";

/** `2026-12-02 03:30 UTC`: the same in every export, whatever the server's time zone. */
export function formatExportDate(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/**
 * Escapes text we put into Markdown ourselves (titles, model ids, file names) so it reads as
 * written; message content is Markdown already and is kept as is.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~#]/g, (character) => `\\${character}`)
    .replace(/\r?\n/g, " ");
}

/** Who wrote a message, with the model for a reply: "Assistant (gpt-4o)". */
export function authorOf(message: Pick<ExportMessage, "role" | "modelId">): string {
  if (message.role === "user") return "You";
  if (message.role === "system") return "System";
  return message.modelId ? `Assistant (${message.modelId})` : "Assistant";
}

function statusNote(message: ExportMessage): string | null {
  if (message.status === "incomplete") return "(reply cut short)";
  if (message.status === "error") return "(reply failed)";
  return null;
}

export function conversationToMarkdown(conversation: ExportConversation, exportedAt: Date): string {
  const lines = [`# ${escapeMarkdown(conversation.title)}`, ""];
  lines.push(`- Created: ${formatExportDate(conversation.createdAt)}`);
  lines.push(`- Exported: ${formatExportDate(exportedAt)}`);
  if (conversation.project) lines.push(`- Project: ${escapeMarkdown(conversation.project)}`);
  if (conversation.tags.length > 0) lines.push(`- Tags: ${conversation.tags.map(escapeMarkdown).join(", ")}`);
  if (conversation.systemPrompt) lines.push("", "> System prompt:", ...conversation.systemPrompt.split(/\r?\n/).map((line) => `> ${line}`));
  for (const message of conversation.messages) {
    const note = statusNote(message);
    lines.push("", "---", "", `### ${escapeMarkdown(authorOf(message))} · ${formatExportDate(message.createdAt)}${note ? ` ${note}` : ""}`, "");
    for (const attachment of message.attachments) lines.push(`- Attached image: ${escapeMarkdown(attachment.name)}`);
    if (message.attachments.length > 0) lines.push("");
    lines.push(message.content);
  }
  return `${lines.join("\n").trimEnd()}\n`;
}

export function conversationToText(conversation: ExportConversation, exportedAt: Date): string {
  const lines = [conversation.title, "=".repeat(Math.min(conversation.title.length, 80) || 1), ""];
  lines.push(`Created: ${formatExportDate(conversation.createdAt)}`, `Exported: ${formatExportDate(exportedAt)}`);
  if (conversation.project) lines.push(`Project: ${conversation.project}`);
  if (conversation.tags.length > 0) lines.push(`Tags: ${conversation.tags.join(", ")}`);
  if (conversation.systemPrompt) lines.push(`System prompt: ${conversation.systemPrompt}`);
  for (const message of conversation.messages) {
    const note = statusNote(message);
    lines.push("", `[${authorOf(message)} · ${formatExportDate(message.createdAt)}]${note ? ` ${note}` : ""}`);
    for (const attachment of message.attachments) lines.push(`(attached image: ${attachment.name})`);
    lines.push(message.content);
  }
  return `${lines.join("\n").trimEnd()}\n`;
}

/** The JSON document: versioned, so an importer can tell our exports from other files. */
export function conversationsToJson(conversations: ExportConversation[], options: { exportedAt: Date; branches: "active" | "all" }): string {
  const document = {
    format: "baatcheet.export",
    version: 1,
    exportedAt: options.exportedAt.toISOString(),
    branches: options.branches,
    conversations: conversations.map((conversation) => ({
      ...conversation,
      createdAt: conversation.createdAt.toISOString(),
      updatedAt: conversation.updatedAt.toISOString(),
      messages: conversation.messages.map((message) => ({ ...message, createdAt: message.createdAt.toISOString() })),
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** A file name from a title: letters and digits of any script kept, the rest dashes. */
export function exportFileName(title: string, extension: string): string {
  const base = title
    .normalize("NFKC")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return `${base || "conversation"}.${extension}`;
}
