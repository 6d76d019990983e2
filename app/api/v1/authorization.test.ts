// The authorization matrix: every /api/v1 operation of the route list × every kind of caller,
// with the audience of each operation written down in ROUTES below and each cell's status
// derived from that row (never from the route's own definition, which is what is under test).
// A route without a row fails, so a new route's audience is decided on purpose.
//
// User B owns real data (a conversation with messages, a project, a tag, API keys, an image,
// an audio file with a transcript, a job). Every caller uses B's ids. B's own session is the
// control: it must succeed, which proves each request is valid, so a 401, 403 or 404 in another
// cell is authorization and not validation.
import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiRoutes } from "@/app/api/docs/api-routes";
import { hashPassword } from "@/lib/auth/password";
import { createUserWithFirstAdmin, requestPasswordReset, resendVerification } from "@/lib/auth/service";
import { startSession } from "@/lib/auth/session";
import { db } from "@/lib/db";
import type { Role } from "@/lib/db/generated/client";
import { env } from "@/lib/env";
import { setJobExecutor } from "@/lib/jobs/dispatch";
import { httpMethods } from "@/lib/openapi/document";
import { startStubProviders, type StubProviders } from "@/lib/testing/chat";
import { latestMailedCode } from "@/lib/testing/http";
import { renderTextPng, silentWav, useTemporaryStorage } from "@/lib/testing/media";
import { inPersonalWorkspace } from "@/lib/testing/workspaces";
import { storage as currentStorage } from "@/lib/storage/storage";

const callers = [
  "anonymous",
  /** B's own session: the control. */
  "owner",
  /** User A's session, with B's ids. */
  "crossUser",
  /** B's key with only the read permission. */
  "readKey",
  /** B's key with read and write. */
  "writeKey",
  "expiredKey",
  "revokedKey",
  /** The old secret of a rotated key, after its grace period. */
  "rotatedOutKey",
  /** A moderator's session, with B's ids. */
  "moderator",
  /** An admin's session, with B's ids. */
  "admin",
] as const;
type Caller = (typeof callers)[number];

/** B's data; every path id and body reference of the matrix is one of these. */
interface Seed {
  userId: string;
  email: string;
  conversationId: string;
  /** B's first user message and the assistant's reply to it. */
  messageId: string;
  replyId: string;
  deletedConversationId: string;
  projectId: string;
  tagName: string;
  /** A key of B's that the api-keys routes read and change (not one used to call). */
  apiKeyId: string;
  imageId: string;
  audioId: string;
  jobId: string;
  /** A workspace B owns, with one other member (`memberId`) and a pending invite. */
  workspaceId: string;
  memberId: string;
  inviteId: string;
  /** An invite link's token, to B's email address, into someone else's workspace. */
  inviteToken: string;
}

interface Row {
  /**
   * public: anyone; user: any signed-in user, by session or key; session: signed-in users by
   * session only (no API keys); admin: the admin role (403 for users and moderators).
   */
  audience: "public" | "user" | "session" | "admin";
  /** What an API key needs: a read-only key is refused (403) on "write" routes. */
  access: "read" | "write";
  /** The request names a resource of B (in its path or body): any other user gets 404. */
  owned: boolean;
  /** The control's status: B (or anyone, on a public route) calling with a valid request. */
  ok: number;
  params?: (seed: Seed) => Record<string, string>;
  query?: (seed: Seed) => string;
  body?: (seed: Seed) => unknown;
  /** Sent as a multipart form with this file. */
  upload?: () => Promise<{ bytes: Uint8Array; name: string; fields?: Record<string, string> }>;
  /** A fresh resource for each cell, for routes that delete or consume what they name. */
  fresh?: (seed: Seed) => Promise<Partial<Seed>>;
  /** Something of B's that B's own answer must contain, so the leak check of the others means something. */
  ownerSees?: (seed: Seed) => string;
  /** Cells that differ from the audience's rule; a comment on the row says why. */
  except?: Partial<Record<Caller, number>>;
  /** A doubt about the audience, reported rather than changed. */
  flag?: string;
}

const PASSWORD = "matrix-password-1";
/** Unique words in B's data: they must never appear in what anyone else is answered. */
const MARKER = "zebracrossing";
const id = (key: keyof Seed) => (seed: Seed) => ({ id: seed[key] });

let counter = 0;
const unique = (prefix: string) => `${prefix}-${Date.now()}-${(counter += 1)}@example.com`;

/** PASSWORD hashed once: hashing is slow on purpose, and the auth cells make many users. */
let passwordHash: Promise<string> | undefined;

/** A user with the shared password, verified unless asked otherwise, who can sign in and request codes. */
async function makeUser(role: Role, { email = unique(role), verified = true } = {}) {
  const user = await createUserWithFirstAdmin({ email, passwordHash: await (passwordHash ??= hashPassword(PASSWORD)) });
  return db().user.update({ where: { id: user.id }, data: { emailVerified: verified ? new Date() : null, role } });
}

async function freshConversation(seed: Seed, data: { deletedAt?: Date } = {}) {
  return db().conversation.create({ data: await inPersonalWorkspace({ userId: seed.userId, title: `${MARKER} fresh`, ...data }) });
}

/** A workspace B owns, with a fresh member. */
async function freshTeam(seed: Seed) {
  const workspace = await db().workspace.create({ data: { name: `${MARKER} team`, members: { create: { userId: seed.userId, role: "owner" } } } });
  const member = await makeUser("user");
  await db().workspaceMember.create({ data: { workspaceId: workspace.id, userId: member.id, role: "member" } });
  return { workspaceId: workspace.id, memberId: member.id };
}

async function freshInvite(workspaceId: string, email: string) {
  const token = randomBytes(24).toString("base64url");
  const invite = await db().workspaceInvite.create({
    data: { workspaceId, email, role: "member", tokenHash: createHash("sha256").update(token).digest("hex"), expiresAt: new Date(Date.now() + 60_000) },
  });
  return { inviteId: invite.id, inviteToken: token };
}

/** A finished export's ZIP of B's, stored as the export job stores it; the file route takes the job id. */
async function freshExportFile(seed: Seed) {
  const jobId = `export-${randomBytes(8).toString("hex")}`;
  const stored = await currentStorage().put({ owner: seed.userId, name: "export.zip", bytes: new TextEncoder().encode(MARKER), contentType: "application/zip" });
  await db().exportFile.create({
    data: { userId: seed.userId, jobId, storage: stored.backend, storageKey: stored.key, name: "export.zip", mime: "application/zip", bytes: MARKER.length, expiresAt: new Date(Date.now() + 60_000) },
  });
  return { jobId };
}

const png = async () => ({ bytes: new Uint8Array(await renderTextPng("matrix")), name: "matrix.png" });
const wav = async () => ({ bytes: new Uint8Array(silentWav(1)), name: "matrix.wav" });

/**
 * ONE row per operation, keyed like "GET /api/v1/conversations/{id}". A `flag` is a doubt about
 * the audience for the product owner; the cells test today's behaviour.
 */
const ROUTES: Record<string, Row> = {
  "GET /api/v1/api-keys": { audience: "session", access: "read", owned: false, ok: 200, ownerSees: (s) => s.apiKeyId },
  "POST /api/v1/api-keys": { audience: "session", access: "write", owned: false, ok: 201, body: () => ({ name: "matrix" }) },
  "GET /api/v1/api-keys/{id}": { audience: "session", access: "read", owned: true, ok: 200, params: id("apiKeyId") },
  "PUT /api/v1/api-keys/{id}": {
    audience: "session",
    access: "write",
    owned: true,
    ok: 200,
    params: id("apiKeyId"),
    body: () => ({ name: "renamed" }),
  },
  "DELETE /api/v1/api-keys/{id}": {
    audience: "session",
    access: "write",
    owned: true,
    ok: 200,
    params: id("apiKeyId"),
    fresh: async () => ({ apiKeyId: await createKey({ name: "to revoke" }).then((key) => key.apiKey.id) }),
  },
  "POST /api/v1/api-keys/{id}/rotate": {
    audience: "session",
    access: "write",
    owned: true,
    ok: 200,
    params: id("apiKeyId"),
    body: () => ({ gracePeriodSeconds: 60 }),
  },
  "GET /api/v1/api-keys/{id}/usage": { audience: "session", access: "read", owned: true, ok: 200, params: id("apiKeyId") },

  "GET /api/v1/audio/{id}": { audience: "user", access: "read", owned: true, ok: 200, params: id("audioId") },
  "DELETE /api/v1/audio/{id}": {
    audience: "user",
    access: "write",
    owned: true,
    ok: 204,
    params: id("audioId"),
    fresh: async () => ({ audioId: await uploadFor("/api/v1/audio/upload", await wav()).then((body) => pick(body, "audio")) }),
  },
  "POST /api/v1/audio/{id}/analyze": {
    audience: "user",
    access: "write",
    owned: true,
    ok: 202,
    params: id("audioId"),
    body: () => ({ kind: "summary" }),
  },
  "GET /api/v1/audio/{id}/file": { audience: "user", access: "read", owned: true, ok: 200, params: id("audioId") },
  // Users see which providers are configured and how many keys are healthy; each key's detail is for admins (audio.test.ts).
  "GET /api/v1/audio/config/health": { audience: "user", access: "read", owned: false, ok: 200 },
  "GET /api/v1/audio/config/languages": { audience: "user", access: "read", owned: false, ok: 200 },
  "POST /api/v1/audio/transcribe": {
    audience: "user",
    access: "write",
    owned: true,
    ok: 202,
    body: (seed) => ({ audioId: seed.audioId }),
  },
  "POST /api/v1/audio/transcribe-upload": { audience: "user", access: "write", owned: false, ok: 202, upload: wav },
  "POST /api/v1/audio/upload": { audience: "user", access: "write", owned: false, ok: 201, upload: wav },
  "POST /api/v1/audio/voice-chat": { audience: "user", access: "write", owned: false, ok: 200, upload: wav },

  // Sign-in and sign-up: public, whatever credentials come with the request. Each cell has its
  // own throwaway account, so no cell depends on another.
  "POST /api/v1/auth/login": {
    audience: "public",
    access: "write",
    owned: false,
    ok: 200,
    body: async () => ({ email: (await makeUser("user")).email, password: PASSWORD }),
  },
  "POST /api/v1/auth/login/code": { audience: "public", access: "write", owned: false, ok: 202, body: () => ({ email: unique("code") }) },
  "POST /api/v1/auth/logout": { audience: "public", access: "write", owned: false, ok: 200 },
  "GET /api/v1/auth/me": { audience: "user", access: "read", owned: false, ok: 200, ownerSees: (s) => s.userId },
  // Fixed here: was "user", so a leaked write key could try passwords against the account and,
  // with the right one, change it and come away with a session cookie.
  "POST /api/v1/auth/password/change": {
    audience: "session",
    access: "write",
    owned: false,
    ok: 200,
    body: () => ({ currentPassword: PASSWORD, newPassword: PASSWORD }),
  },
  "POST /api/v1/auth/password/forgot": { audience: "public", access: "write", owned: false, ok: 202, body: () => ({ email: unique("forgot") }) },
  "POST /api/v1/auth/password/reset": {
    audience: "public",
    access: "write",
    owned: false,
    ok: 200,
    body: async () => {
      const { email } = await makeUser("user");
      await requestPasswordReset(email);
      return { email, code: await latestMailedCode(email), password: PASSWORD };
    },
  },
  "POST /api/v1/auth/register": {
    audience: "public",
    access: "write",
    owned: false,
    ok: 201,
    body: () => ({ email: unique("register"), password: PASSWORD }),
  },
  "POST /api/v1/auth/verify-email": {
    audience: "public",
    access: "write",
    owned: false,
    ok: 200,
    body: async () => {
      const { email } = await makeUser("user", { verified: false });
      await resendVerification(email);
      return { email, code: await latestMailedCode(email) };
    },
  },
  "POST /api/v1/auth/verify-email/resend": {
    audience: "public",
    access: "write",
    owned: false,
    ok: 202,
    body: () => ({ email: unique("resend") }),
  },

  "POST /api/v1/chat": {
    audience: "user",
    access: "write",
    owned: true,
    ok: 200,
    body: (seed) => ({ action: "send", conversationId: seed.conversationId, message: "and again" }),
  },
  "GET /api/v1/chat/{id}": {
    audience: "user",
    access: "read",
    owned: true,
    ok: 200,
    params: id("conversationId"),
    ownerSees: () => MARKER,
  },
  "PATCH /api/v1/chat/{id}": {
    audience: "user",
    access: "write",
    owned: true,
    ok: 200,
    params: id("conversationId"),
    body: () => ({ temperature: 0.5 }),
  },
  "POST /api/v1/chat/{id}/branch": {
    audience: "user",
    access: "write",
    owned: true,
    ok: 200,
    params: id("conversationId"),
    body: (seed) => ({ messageId: seed.replyId }),
  },
  "GET /api/v1/chat/{id}/context": {
    audience: "user",
    access: "read",
    owned: true,
    ok: 200,
    params: id("conversationId"),
    ownerSees: () => MARKER,
  },
  "POST /api/v1/chat/{id}/stop": { audience: "user", access: "write", owned: true, ok: 200, params: id("conversationId"), body: () => ({}) },
  "POST /api/v1/chat/completions": {
    audience: "user",
    access: "write",
    owned: false,
    ok: 200,
    body: () => ({ model: "auto", messages: [{ role: "user", content: "hello" }] }),
  },
  "GET /api/v1/chat/models": { audience: "user", access: "read", owned: false, ok: 200 },

  "GET /api/v1/conversations": { audience: "user", access: "read", owned: false, ok: 200, ownerSees: (s) => s.conversationId },
  "POST /api/v1/conversations": {
    audience: "user",
    access: "write",
    owned: true,
    ok: 201,
    body: (seed) => ({ title: "matrix", projectId: seed.projectId }),
  },
  "GET /api/v1/conversations/{id}": { audience: "user", access: "read", owned: true, ok: 200, params: id("conversationId") },
  "PATCH /api/v1/conversations/{id}": {
    audience: "user",
    access: "write",
    owned: true,
    ok: 200,
    params: id("conversationId"),
    body: () => ({ pinned: true }),
  },
  "DELETE /api/v1/conversations/{id}": {
    audience: "user",
    access: "write",
    owned: true,
    ok: 200,
    params: id("conversationId"),
    fresh: async (seed) => ({ conversationId: (await freshConversation(seed)).id }),
  },
  "POST /api/v1/conversations/{id}/restore": {
    audience: "user",
    access: "write",
    owned: true,
    ok: 200,
    params: id("deletedConversationId"),
    fresh: async (seed) => ({ deletedConversationId: (await freshConversation(seed, { deletedAt: new Date() })).id }),
  },
  "POST /api/v1/conversations/{id}/tags": {
    audience: "user",
    access: "write",
    owned: true,
    ok: 200,
    params: id("conversationId"),
    body: () => ({ name: "matrix" }),
  },
  "DELETE /api/v1/conversations/{id}/tags/{tag}": {
    audience: "user",
    access: "write",
    owned: true,
    ok: 200,
    params: (seed) => ({ id: seed.conversationId, tag: seed.tagName }),
    fresh: async (seed) => {
      const conversation = await freshConversation(seed);
      const tag = await db().tag.findFirstOrThrow({ where: { userId: seed.userId, name: seed.tagName } });
      await db().conversationTag.create({ data: { conversationId: conversation.id, tagId: tag.id } });
      return { conversationId: conversation.id };
    },
  },
  "GET /api/v1/conversations/search": {
    audience: "user",
    access: "read",
    owned: false,
    ok: 200,
    query: () => `?q=${MARKER}`,
    ownerSees: (s) => s.conversationId,
  },
  "GET /api/v1/conversations/tags": { audience: "user", access: "read", owned: false, ok: 200, ownerSees: (s) => s.tagName },

  // Run in its production mode (DEV_OUTBOX=admins, set below): everyone but a signed-in admin
  // gets 404, keys included (it reads the session only).
  "GET /api/v1/dev/outbox": {
    audience: "public",
    access: "read",
    owned: false,
    ok: 200,
    except: { anonymous: 404, owner: 404, crossUser: 404, readKey: 404, writeKey: 404, expiredKey: 404, revokedKey: 404, rotatedOutKey: 404, moderator: 404 },
    flag:
      "Without DEV_OUTBOX and with NODE_ENV other than production (a staging box, `next start` without NODE_ENV, a preview deploy), anyone can read every sign-in, reset and verification code mailed to anyone: account takeover. Consider defaulting to admins unless NODE_ENV is development or test.",
  },
  // Exporting reads the caller's own data out, so a read-only key may; one conversation answers the file.
  "POST /api/v1/export": {
    audience: "user",
    access: "read",
    owned: true,
    ok: 200,
    body: (seed) => ({ conversationId: seed.conversationId, format: "md" }),
    ownerSees: () => MARKER,
  },
  "GET /api/v1/export/{id}/file": { audience: "user", access: "read", owned: true, ok: 200, params: id("jobId"), fresh: freshExportFile, ownerSees: () => MARKER },

  "GET /api/v1/health": {
    audience: "public",
    access: "read",
    owned: false,
    ok: 200,
    query: () => "?detailed=true",
    flag:
      "`?detailed=true` is public: it names each backend (database kind, Redis, Upstash) with its latency and the raw error message of a failing one, which can name internal hosts and ports. Probes need only the status; the detail could be admin-only.",
  },
  "GET /api/v1/health/live": { audience: "public", access: "read", owned: false, ok: 200 },
  "GET /api/v1/health/providers": { audience: "admin", access: "read", owned: false, ok: 200 },
  "POST /api/v1/health/providers/{keyId}/enable": {
    audience: "admin",
    access: "write",
    owned: false,
    ok: 200,
    params: () => ({ keyId: "groq#1" }),
  },
  "GET /api/v1/health/ready": { audience: "public", access: "read", owned: false, ok: 200 },

  "GET /api/v1/images/{id}": { audience: "user", access: "read", owned: true, ok: 200, params: id("imageId") },
  "DELETE /api/v1/images/{id}": {
    audience: "user",
    access: "write",
    owned: true,
    ok: 204,
    params: id("imageId"),
    fresh: async () => ({ imageId: await uploadFor("/api/v1/images/upload", await png()).then((body) => pick(body, "image")) }),
  },
  "POST /api/v1/images/{id}/analyze": { audience: "user", access: "write", owned: true, ok: 202, params: id("imageId"), body: () => ({}) },
  "GET /api/v1/images/{id}/file": { audience: "user", access: "read", owned: true, ok: 200, params: id("imageId") },
  "POST /api/v1/images/{id}/ocr": {
    audience: "user",
    access: "write",
    owned: true,
    ok: 202,
    params: id("imageId"),
    body: () => ({ language: "eng" }),
  },
  "POST /api/v1/images/upload": { audience: "user", access: "write", owned: false, ok: 201, upload: png },

  "GET /api/v1/jobs/{id}": { audience: "user", access: "read", owned: true, ok: 200, params: id("jobId") },
  "GET /api/v1/models": { audience: "user", access: "read", owned: false, ok: 200 },

  "GET /api/v1/projects": { audience: "user", access: "read", owned: false, ok: 200, ownerSees: (s) => s.projectId },
  "POST /api/v1/projects": { audience: "user", access: "write", owned: false, ok: 201, body: () => ({ name: "matrix" }) },
  "GET /api/v1/projects/{id}": { audience: "user", access: "read", owned: true, ok: 200, params: id("projectId") },
  "PATCH /api/v1/projects/{id}": {
    audience: "user",
    access: "write",
    owned: true,
    ok: 200,
    params: id("projectId"),
    body: () => ({ description: "renamed" }),
  },
  "DELETE /api/v1/projects/{id}": {
    audience: "user",
    access: "write",
    owned: true,
    ok: 200,
    params: id("projectId"),
    fresh: async (seed) => ({ projectId: (await db().project.create({ data: await inPersonalWorkspace({ userId: seed.userId, name: `${MARKER} fresh` }) })).id }),
  },

  "GET /api/v1/workspaces": { audience: "user", access: "read", owned: false, ok: 200, ownerSees: (s) => s.workspaceId },
  "POST /api/v1/workspaces": { audience: "user", access: "write", owned: false, ok: 201, body: () => ({ name: "matrix" }) },
  "GET /api/v1/workspaces/{id}": { audience: "user", access: "read", owned: true, ok: 200, params: id("workspaceId") },
  "PATCH /api/v1/workspaces/{id}": {
    audience: "user",
    access: "write",
    owned: true,
    ok: 200,
    params: id("workspaceId"),
    body: () => ({ name: `${MARKER} renamed` }),
  },
  "DELETE /api/v1/workspaces/{id}": { audience: "user", access: "write", owned: true, ok: 200, params: id("workspaceId"), fresh: freshTeam },
  "GET /api/v1/workspaces/{id}/members": { audience: "user", access: "read", owned: true, ok: 200, params: id("workspaceId"), ownerSees: (s) => s.memberId },
  "PATCH /api/v1/workspaces/{id}/members/{userId}": {
    audience: "user",
    access: "write",
    owned: true,
    ok: 200,
    params: (s) => ({ id: s.workspaceId, userId: s.memberId }),
    body: () => ({ role: "admin" }),
  },
  "DELETE /api/v1/workspaces/{id}/members/{userId}": {
    audience: "user",
    access: "write",
    owned: true,
    ok: 200,
    params: (s) => ({ id: s.workspaceId, userId: s.memberId }),
    fresh: freshTeam,
  },
  "GET /api/v1/workspaces/{id}/invites": { audience: "user", access: "read", owned: true, ok: 200, params: id("workspaceId"), ownerSees: (s) => s.inviteId },
  "POST /api/v1/workspaces/{id}/invites": {
    audience: "user",
    access: "write",
    owned: true,
    ok: 201,
    params: id("workspaceId"),
    body: () => ({ email: "matrix-invitee@example.com" }),
  },
  "DELETE /api/v1/workspaces/{id}/invites/{inviteId}": {
    audience: "user",
    access: "write",
    owned: true,
    ok: 200,
    params: (s) => ({ id: s.workspaceId, inviteId: s.inviteId }),
    fresh: (s) => freshInvite(s.workspaceId, unique("invitee")),
  },
  "POST /api/v1/workspaces/{id}/transfer": {
    audience: "user",
    access: "write",
    owned: true,
    ok: 200,
    params: id("workspaceId"),
    body: (s) => ({ userId: s.memberId }),
    fresh: freshTeam,
  },
  "POST /api/v1/workspaces/invites/accept": {
    audience: "session",
    access: "write",
    owned: true,
    ok: 200,
    body: (s) => ({ token: s.inviteToken }),
    fresh: async (s) => freshInvite((await db().workspace.create({ data: { name: "inviting" } })).id, s.email),
    // Holding the link is not enough: a user with another email is told the invite is not theirs.
    except: { crossUser: 403, moderator: 403, admin: 403 },
  },
};

/** What a cell must answer, from its row: the rule for the audience, then the row's exceptions. */
function expectedStatus(row: Row, caller: Caller): number {
  const exception = row.except?.[caller];
  if (exception !== undefined) return exception;
  if (row.audience === "public") return row.ok;
  if (caller === "anonymous" || caller === "expiredKey" || caller === "revokedKey" || caller === "rotatedOutKey") return 401;
  const viaKey = caller === "readKey" || caller === "writeKey";
  if (viaKey && row.audience === "session") return 403;
  if (row.audience === "admin") return caller === "admin" ? row.ok : 403;
  if (caller === "readKey" && row.access === "write") return 403;
  const stranger = caller === "crossUser" || caller === "moderator" || caller === "admin";
  if (stranger && row.owned) return 404;
  return row.ok;
}

const errorCodeFor: Record<number, string[]> = {
  401: ["unauthorized", "invalid_api_key"],
  403: ["forbidden"],
  404: ["not_found"],
};

/** The operations of the route list, as "METHOD /path". */
const operations = Object.entries(apiRoutes).flatMap(([apiPath, module]) =>
  httpMethods.flatMap((method) => (module[method] ? [`${method} ${apiPath}`] : [])),
);

// --- callers and B's data ---------------------------------------------------------------------

const ORIGIN = "http://localhost:3000";
const users = {} as Record<"owner" | "crossUser" | "moderator" | "admin", string>;
const secrets = {} as Record<"readKey" | "writeKey" | "expiredKey" | "revokedKey" | "rotatedOutKey", string>;
let seed: Seed;
let stubs: StubProviders;
let storage: Awaited<ReturnType<typeof useTemporaryStorage>>;
const outboxSetting = env.DEV_OUTBOX;

/** Headers for `caller`: a new session each time (logout and password change end sessions), or its key. */
async function credentials(caller: Caller): Promise<Record<string, string>> {
  if (caller === "anonymous") return {};
  if (caller in secrets) return { authorization: `Bearer ${secrets[caller as keyof typeof secrets]}` };
  const cookies = await startSession(ORIGIN, users[caller as keyof typeof users]);
  return { cookie: cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ") };
}

interface Answer {
  status: number;
  text: string;
}

async function call(operation: string, caller: Caller, request: { params?: Record<string, string>; query?: string; body?: unknown; upload?: Awaited<ReturnType<NonNullable<Row["upload"]>>> }): Promise<Answer> {
  const [method, template] = operation.split(" ") as [(typeof httpMethods)[number], string];
  const handler = apiRoutes[template]![method]!;
  const params = request.params ?? {};
  const urlPath = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ""));
  const headers = new Headers({ "x-forwarded-for": "203.0.113.50", ...(await credentials(caller)) });
  let body: BodyInit | undefined;
  if (request.upload) {
    const form = new FormData();
    for (const [name, value] of Object.entries(request.upload.fields ?? {})) form.set(name, value);
    form.set("file", new File([new Uint8Array(request.upload.bytes)], request.upload.name));
    const encoded = new Response(form);
    headers.set("content-type", encoded.headers.get("content-type")!);
    body = await encoded.arrayBuffer();
  } else if (request.body !== undefined) {
    headers.set("content-type", "application/json");
    body = JSON.stringify(request.body);
  }
  const response = await handler(new Request(`${ORIGIN}${urlPath}${request.query ?? ""}`, { method, headers, body }), {
    params: Promise.resolve(params),
  });
  return { status: response.status, text: await response.text() };
}

function pick(text: string, key: "audio" | "image"): string {
  const parsed = JSON.parse(text) as Record<string, { id: string }>;
  return parsed[key]!.id;
}

async function uploadFor(path: "/api/v1/audio/upload" | "/api/v1/images/upload", file: { bytes: Uint8Array; name: string }) {
  const answer = await call(`POST ${path}`, "owner", { upload: file });
  expect(answer.status, answer.text).toBe(201);
  return answer.text;
}

async function createKey(body: Record<string, unknown>) {
  const answer = await call("POST /api/v1/api-keys", "owner", { body });
  expect(answer.status, answer.text).toBe(201);
  return JSON.parse(answer.text) as { apiKey: { id: string }; secret: string };
}

beforeAll(async () => {
  storage = await useTemporaryStorage();
  stubs = await startStubProviders();
  // Jobs stay queued: the matrix is about who may start and read them, not running them.
  setJobExecutor({ kick() {}, drain: async () => {}, stop() {}, idle: async () => {}, releaseLeases: async () => 0 });
  env.DEV_OUTBOX = "admins";

  // The first user of a database becomes the admin.
  users.admin = (await makeUser("admin")).id;
  const owner = await makeUser("user");
  users.owner = owner.id;
  users.crossUser = (await makeUser("user")).id;
  users.moderator = (await makeUser("moderator")).id;
  const partial = { userId: owner.id, email: owner.email } as Seed;

  const turn = await call("POST /api/v1/chat", "owner", { body: { action: "send", message: `${MARKER} first words` } });
  expect(turn.status, turn.text).toBe(200);
  const conversation = await db().conversation.findFirstOrThrow({ where: { userId: owner.id }, include: { messages: { orderBy: { createdAt: "asc" } } } });
  const project = await db().project.create({ data: await inPersonalWorkspace({ userId: owner.id, name: `${MARKER} project` }) });
  const tag = await db().tag.create({ data: { userId: owner.id, name: `${MARKER}-tag` } });
  await db().conversation.update({ where: { id: conversation.id }, data: { projectId: project.id, title: `${MARKER} chat` } });
  await db().conversationTag.create({ data: { conversationId: conversation.id, tagId: tag.id } });
  const deleted = await freshConversation(partial, { deletedAt: new Date() });

  const target = await createKey({ name: "target", permissions: ["read"] });
  secrets.readKey = (await createKey({ name: "reader", permissions: ["read"] })).secret;
  secrets.writeKey = (await createKey({ name: "writer", permissions: ["read", "write"] })).secret;
  const expiring = await createKey({ name: "expiring", expiresAt: new Date(Date.now() + 60_000).toISOString() });
  await db().apiKey.update({ where: { id: expiring.apiKey.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  secrets.expiredKey = expiring.secret;
  const revoked = await createKey({ name: "revoked" });
  expect((await call("DELETE /api/v1/api-keys/{id}", "owner", { params: { id: revoked.apiKey.id } })).status).toBe(200);
  secrets.revokedKey = revoked.secret;
  const rotating = await createKey({ name: "rotating" });
  const rotateParams = { id: rotating.apiKey.id };
  expect((await call("POST /api/v1/api-keys/{id}/rotate", "owner", { params: rotateParams, body: { gracePeriodSeconds: 3600 } })).status).toBe(200);
  await db().apiKey.update({ where: { id: rotating.apiKey.id }, data: { previousKeyExpiresAt: new Date(Date.now() - 1) } });
  secrets.rotatedOutKey = rotating.secret;

  const image = pick(await uploadFor("/api/v1/images/upload", await png()), "image");
  const transcribed = await call("POST /api/v1/audio/transcribe-upload", "owner", { query: "?wait=true", upload: await wav() });
  expect(transcribed.status, transcribed.text).toBe(200);
  const audioId = pick(transcribed.text, "audio");
  const job = await call("POST /api/v1/audio/transcribe", "owner", { body: { audioId } });
  expect(job.status, job.text).toBe(202);

  const team = await freshTeam(partial);
  seed = {
    ...partial,
    ...team,
    ...(await freshInvite(team.workspaceId, unique("pending"))),
    inviteToken: "",
    conversationId: conversation.id,
    messageId: conversation.messages.find((message) => message.role === "user")!.id,
    replyId: conversation.messages.find((message) => message.role === "assistant")!.id,
    deletedConversationId: deleted.id,
    projectId: project.id,
    tagName: tag.name,
    apiKeyId: target.apiKey.id,
    imageId: image,
    audioId,
    jobId: (JSON.parse(job.text) as { jobId: string }).jobId,
  };
});

afterAll(async () => {
  env.DEV_OUTBOX = outboxSetting;
  await stubs?.close();
  await storage?.cleanup();
});

/** B's ids and words: none may appear in an answer to anyone but B. */
function secretsOfB(current: Seed): string[] {
  return [
    MARKER,
    current.userId,
    current.email,
    current.conversationId,
    current.messageId,
    current.replyId,
    current.deletedConversationId,
    current.projectId,
    current.apiKeyId,
    current.imageId,
    current.audioId,
    current.jobId,
    current.workspaceId,
  ];
}

// --- the matrix ---------------------------------------------------------------------------------

describe("the authorization table", () => {
  it("has one row for every operation of the route list, and none for operations that do not exist", () => {
    expect(operations.filter((operation) => !(operation in ROUTES)), "unclassified routes: add a row to ROUTES").toEqual([]);
    expect(Object.keys(ROUTES).filter((operation) => !operations.includes(operation)), "rows for routes that do not exist").toEqual([]);
  });
});

const cells = operations.filter((operation) => operation in ROUTES).flatMap((operation) => callers.map((caller) => ({ operation, caller, expected: expectedStatus(ROUTES[operation]!, caller) })));

describe("authorization matrix", () => {
  it.each(cells)("$operation as $caller → $expected", async ({ operation, caller, expected }) => {
    const row = ROUTES[operation]!;
    const current = { ...seed, ...(await row.fresh?.(seed)) };
    const answer = await call(operation, caller, {
      params: row.params?.(current),
      query: row.query?.(current),
      body: await row.body?.(current),
      upload: await row.upload?.(),
    });
    expect(answer.status, answer.text.slice(0, 300)).toBe(expected);
    if (errorCodeFor[expected]) {
      expect(errorCodeFor[expected], answer.text).toContain((JSON.parse(answer.text) as { error: { code: string } }).error.code);
    }
    const isB = caller === "owner" || caller === "readKey" || caller === "writeKey";
    if (isB) {
      if (row.ownerSees && expected === row.ok) expect(answer.text).toContain(row.ownerSees(current));
    } else {
      const leaked = secretsOfB(current).filter((secret) => answer.text.includes(secret));
      expect(leaked, `${caller} was answered B's data`).toEqual([]);
    }
  });
});

// --- references to B's data inside A's own requests -------------------------------------------

/**
 * A names B's ids in the body of a request about A's own conversation: each must be refused as
 * if the id did not exist, and leave B's data as it was.
 */
describe("B's ids inside A's own requests", () => {
  const own = {} as { conversationId: string };

  beforeAll(async () => {
    const turn = await call("POST /api/v1/chat", "crossUser", { body: { action: "send", message: "my own words" } });
    expect(turn.status, turn.text).toBe(200);
    own.conversationId = (await db().conversation.findFirstOrThrow({ where: { userId: users.crossUser }, orderBy: { createdAt: "asc" } })).id;
  });

  const cases: { name: string; operation: string; request: (b: Seed) => { params?: Record<string, string>; query?: string; body?: unknown }; status: number }[] = [
    {
      name: "sends B's image in A's conversation",
      operation: "POST /api/v1/chat",
      request: (b) => ({ body: { action: "send", conversationId: own.conversationId, message: "look", imageIds: [b.imageId] } }),
      status: 404,
    },
    {
      name: "edits B's message through A's conversation",
      operation: "POST /api/v1/chat",
      request: (b) => ({ body: { action: "edit", conversationId: own.conversationId, messageId: b.messageId, message: "mine now" } }),
      status: 404,
    },
    {
      name: "regenerates B's reply through A's conversation",
      operation: "POST /api/v1/chat",
      request: (b) => ({ body: { action: "regenerate", conversationId: own.conversationId, messageId: b.replyId } }),
      status: 404,
    },
    {
      name: "switches A's conversation to B's reply",
      operation: "POST /api/v1/chat/{id}/branch",
      request: (b) => ({ params: { id: own.conversationId }, body: { messageId: b.replyId } }),
      status: 404,
    },
    {
      name: "moves A's conversation into B's project",
      operation: "PATCH /api/v1/conversations/{id}",
      request: (b) => ({ params: { id: own.conversationId }, body: { projectId: b.projectId } }),
      status: 404,
    },
    {
      name: "filters A's conversations by B's project",
      operation: "GET /api/v1/conversations",
      request: (b) => ({ query: `?projectId=${b.projectId}` }),
      status: 200,
    },
    {
      name: "searches with B's tag",
      operation: "GET /api/v1/conversations/search",
      request: (b) => ({ query: `?q=${encodeURIComponent(`tag:${b.tagName}`)}` }),
      status: 200,
    },
  ];

  it.each(cases)("$name → $status, nothing of B's in the answer", async ({ operation, request, status }) => {
    const before = await db().message.count({ where: { conversation: { userId: seed.userId } } });
    const sent = request(seed);
    const answer = await call(operation, "crossUser", sent);
    expect(answer.status, answer.text.slice(0, 300)).toBe(status);
    // "No such image: <id>" repeats what A sent, as it would for an id that does not exist.
    const unsent = secretsOfB(seed).filter((secret) => !JSON.stringify(sent).includes(secret));
    expect(unsent.filter((secret) => answer.text.includes(secret)), answer.text).toEqual([]);
    expect(await db().message.count({ where: { conversation: { userId: seed.userId } } })).toBe(before);
    expect((await db().conversation.findUniqueOrThrow({ where: { id: own.conversationId } })).projectId).toBeNull();
  });

  it("counts only A's own rows when A and B share a tag name", async () => {
    const shared = await db().tag.create({ data: { userId: seed.userId, name: "shared" } });
    for (const conversation of [seed.conversationId, (await freshConversation(seed)).id]) {
      await db().conversationTag.create({ data: { conversationId: conversation, tagId: shared.id } });
    }
    const mine = await call("PATCH /api/v1/conversations/{id}", "crossUser", { params: { id: own.conversationId }, body: { tags: ["shared"] } });
    expect(mine.status, mine.text).toBe(200);
    const tags = await call("GET /api/v1/conversations/tags", "crossUser", {});
    expect(JSON.parse(tags.text)).toEqual({ items: [{ name: "shared", count: 1 }] });
    const filtered = await call("GET /api/v1/conversations", "crossUser", { query: "?tag=shared" });
    expect((JSON.parse(filtered.text) as { items: { id: string }[] }).items.map((item) => item.id)).toEqual([own.conversationId]);
  });
});
