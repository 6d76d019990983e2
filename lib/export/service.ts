// Exports: one conversation answers its file at once; a project or everything readable in the
// workspace runs as a job that stores a ZIP (Markdown + JSON of each conversation, the asked
// format too when it is PDF or text, and an index) through lib/storage under the user's name,
// downloadable by its owner for 24 hours. Expired ZIPs are deleted when the owner starts the
// next bulk export.
import "server-only";
import { strToU8, zipSync, type Zippable } from "fflate";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { startJob } from "@/lib/jobs/dispatch";
import { setJobProgress } from "@/lib/jobs/service";
import { putThenRecord, storageFor } from "@/lib/storage/storage";
import { exportRequested } from "./events";
import { loadPdfImage } from "./images";
import { exportConversationIds, loadExportConversation, type ExportTarget } from "./load";
import { conversationToPdf } from "./pdf";
import type { ExportConversation, ExportFormat, ExportJobOutput, ExportRequest } from "./schemas";
import { conversationsToJson, conversationToMarkdown, conversationToText, escapeMarkdown, exportFileName, formatExportDate } from "./text-formats";

/** How long a bulk export's ZIP can be downloaded. */
export const EXPORT_FILE_TTL_MS = 24 * 60 * 60 * 1000;

interface Scope {
  userId: string;
  workspaceId: string;
}

export interface ExportedFile {
  bytes: Uint8Array;
  mime: string;
  name: string;
}

const mimes: Record<ExportFormat, string> = {
  pdf: "application/pdf",
  md: "text/markdown; charset=utf-8",
  txt: "text/plain; charset=utf-8",
  json: "application/json; charset=utf-8",
};

async function renderConversation(conversation: ExportConversation, format: ExportFormat, branches: "active" | "all", exportedAt: Date) {
  switch (format) {
    case "pdf":
      return new Uint8Array(await conversationToPdf(conversation, { exportedAt, loadImage: loadPdfImage }));
    case "md":
      return strToU8(conversationToMarkdown(conversation, exportedAt));
    case "txt":
      return strToU8(conversationToText(conversation, exportedAt));
    case "json":
      return strToU8(conversationsToJson([conversation], { exportedAt, branches }));
  }
}

export type ExportOutcome = { status: "file"; file: ExportedFile } | { status: "queued"; jobId: string };

/** A conversation's file at once; for a project or `all`, a job to poll (the target checked first). */
export async function startExport(options: Scope & { input: ExportRequest }): Promise<ExportOutcome> {
  const { input } = options;
  if (input.conversationId) {
    const [conversationId] = await exportConversationIds({ ...options, target: { conversationId: input.conversationId } });
    const conversation = await loadExportConversation({ ...options, conversationId: conversationId!, branches: input.branches });
    if (!conversation) throw new AppError("not_found", "Conversation not found.");
    const bytes = await renderConversation(conversation, input.format, input.branches, new Date());
    return { status: "file", file: { bytes, mime: mimes[input.format], name: exportFileName(conversation.title, input.format) } };
  }
  const target: ExportTarget = input.projectId ? { projectId: input.projectId } : { all: true };
  await exportConversationIds({ ...options, target });
  await pruneExpiredExports(options.userId);
  const jobId = await startJob(exportRequested, {
    userId: options.userId,
    workspaceId: options.workspaceId,
    projectId: input.projectId ?? null,
    format: input.format,
    branches: input.branches,
  });
  return { status: "queued", jobId };
}

function zipEntryName(conversation: ExportConversation, used: Set<string>): string {
  const base = exportFileName(conversation.title, "x").slice(0, -2);
  let name = base;
  for (let counter = 2; used.has(name); counter += 1) name = `${base}-${counter}`;
  used.add(name);
  return name;
}

/** The job's work: every readable conversation of the target into one ZIP, stored for its owner. */
export async function runExport(
  options: Scope & { jobId: string; projectId: string | null; format: ExportFormat; branches: "active" | "all" },
): Promise<ExportJobOutput> {
  const target: ExportTarget = options.projectId ? { projectId: options.projectId } : { all: true };
  const ids = await exportConversationIds({ ...options, target });
  const exportedAt = new Date();
  const files: Zippable = {};
  const index = [`# BaatCheet export`, "", `Exported ${formatExportDate(exportedAt)}: ${ids.length} conversations.`, ""];
  const used = new Set<string>();
  let exported = 0;
  for (const [position, conversationId] of ids.entries()) {
    const conversation = await loadExportConversation({ ...options, conversationId, branches: options.branches });
    if (!conversation) continue;
    exported += 1;
    const name = zipEntryName(conversation, used);
    files[`conversations/${name}.md`] = strToU8(conversationToMarkdown(conversation, exportedAt));
    files[`conversations/${name}.json`] = strToU8(conversationsToJson([conversation], { exportedAt, branches: options.branches }));
    if (options.format === "pdf" || options.format === "txt") {
      files[`conversations/${name}.${options.format}`] = await renderConversation(conversation, options.format, options.branches, exportedAt);
    }
    index.push(`- [${escapeMarkdown(conversation.title)}](conversations/${encodeURI(name)}.md) · ${formatExportDate(conversation.updatedAt)} · ${conversation.messages.length} messages`);
    await setJobProgress(options.jobId, 5 + ((position + 1) / ids.length) * 85);
  }
  files["index.md"] = strToU8(`${index.join("\n")}\n`);
  const bytes = zipSync(files, { level: 6, mtime: exportedAt });
  const name = `baatcheet-export-${exportedAt.toISOString().slice(0, 10)}.zip`;
  const expiresAt = new Date(exportedAt.getTime() + EXPORT_FILE_TTL_MS);
  // A retried step replaces what an earlier attempt stored.
  const earlier = await db().exportFile.findUnique({ where: { jobId: options.jobId } });
  if (earlier) {
    await storageFor(earlier.storage).delete(earlier.storageKey);
    await db().exportFile.delete({ where: { id: earlier.id } });
  }
  await putThenRecord({ owner: options.userId, name, bytes, contentType: "application/zip" }, (stored) =>
    db().exportFile.create({
      data: { userId: options.userId, jobId: options.jobId, storage: stored.backend, storageKey: stored.key, name, mime: "application/zip", bytes: bytes.length, expiresAt },
    }),
  );
  return { conversations: exported, bytes: bytes.length, name, downloadUrl: `/api/v1/export/${options.jobId}/file`, expiresAt: expiresAt.toISOString() };
}

/** A finished export's ZIP, for its owner only, until it expires. */
export async function readExportFile(options: { userId: string; jobId: string; now?: Date }): Promise<ExportedFile> {
  const row = await db().exportFile.findFirst({ where: { jobId: options.jobId, userId: options.userId, expiresAt: { gt: options.now ?? new Date() } } });
  const bytes = row ? await storageFor(row.storage).get(row.storageKey) : null;
  if (!row || !bytes) throw new AppError("not_found", "No such export, or its download link has expired.");
  return { bytes, mime: row.mime, name: row.name };
}

/** Deletes the user's expired export files (stored bytes first, then rows). */
export async function pruneExpiredExports(userId: string, now = new Date()): Promise<number> {
  const expired = await db().exportFile.findMany({ where: { userId, expiresAt: { lte: now } } });
  for (const row of expired) await storageFor(row.storage).delete(row.storageKey);
  await db().exportFile.deleteMany({ where: { id: { in: expired.map((row) => row.id) } } });
  return expired.length;
}
