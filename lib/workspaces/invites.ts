// Invites by email: a link with a random token (only its SHA-256 is stored), valid for
// INVITE_TTL_DAYS, accepted once by a signed-in user whose email is the invited one. Inviting the
// same address again replaces the earlier link.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { sendMail } from "@/lib/mail/send";
import { assertShareable, requireMembership } from "./access";
import type { CreateInviteInput, InviteView, WorkspaceRoleName } from "./schemas";

const DAY_MS = 24 * 60 * 60 * 1000;
const INVITE_TTL_DAYS = 7;
const INVITE_TTL_MS = INVITE_TTL_DAYS * DAY_MS;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

const inviteSelect = { id: true, email: true, role: true, expiresAt: true, acceptedAt: true, revokedAt: true, createdAt: true } as const;

type InviteRow = { id: string; email: string; role: WorkspaceRoleName; expiresAt: Date; acceptedAt: Date | null; revokedAt: Date | null; createdAt: Date };

function statusOf(row: InviteRow, now = new Date()): InviteView["status"] {
  if (row.acceptedAt) return "accepted";
  if (row.revokedAt) return "revoked";
  return row.expiresAt <= now ? "expired" : "pending";
}

function toView(row: InviteRow): InviteView {
  return { id: row.id, email: row.email, role: row.role, status: statusOf(row), expiresAt: row.expiresAt, createdAt: row.createdAt };
}

/** Admins and the owner invite; the link goes by mail only (the answer never carries the token). */
export async function createInvite(options: { userId: string; workspaceId: string; input: CreateInviteInput; origin: string }) {
  const { workspace } = await requireMembership(options.userId, options.workspaceId, "admin");
  assertShareable(workspace);
  const { email, role } = options.input;
  const alreadyMember = await db().workspaceMember.findFirst({ where: { workspaceId: workspace.id, user: { email } }, select: { userId: true } });
  if (alreadyMember) throw new AppError("conflict", `${email} is already a member.`);
  const token = randomBytes(32).toString("base64url");
  const now = new Date();
  const row = await db().$transaction(async (tx) => {
    await tx.workspaceInvite.updateMany({
      where: { workspaceId: workspace.id, email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    return tx.workspaceInvite.create({
      data: { workspaceId: workspace.id, email, role, tokenHash: hashToken(token), invitedById: options.userId, expiresAt: new Date(now.getTime() + INVITE_TTL_MS) },
      select: inviteSelect,
    });
  });
  const link = `${env.AUTH_URL ?? options.origin}/invite/${token}`;
  await sendMail({
    to: email,
    subject: `You are invited to ${workspace.name} on BaatCheet`,
    text: `You are invited to join the workspace "${workspace.name}" as ${role}. Open ${link} and sign in as ${email} to accept. The link expires in ${INVITE_TTL_DAYS} days.`,
  });
  return toView(row);
}

export async function listInvites(options: { userId: string; workspaceId: string }) {
  await requireMembership(options.userId, options.workspaceId, "admin");
  const rows = await db().workspaceInvite.findMany({
    where: { workspaceId: options.workspaceId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 200,
    select: inviteSelect,
  });
  return { items: rows.map(toView) };
}

export async function revokeInvite(options: { userId: string; workspaceId: string; inviteId: string }) {
  await requireMembership(options.userId, options.workspaceId, "admin");
  const row = await db().workspaceInvite.findFirst({ where: { id: options.inviteId, workspaceId: options.workspaceId }, select: inviteSelect });
  if (!row) throw new AppError("not_found", "Invite not found.");
  if (statusOf(row) !== "pending") return toView(row);
  return toView(await db().workspaceInvite.update({ where: { id: row.id }, data: { revokedAt: new Date() }, select: inviteSelect }));
}

async function findInviteOrThrow(token: string) {
  const row = await db().workspaceInvite.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { ...inviteSelect, workspaceId: true, workspace: { select: { name: true } } },
  });
  // A revoked link answers like one that never existed.
  if (!row || row.revokedAt) throw new AppError("not_found", "Invite not found.");
  return row;
}

/** What the invite page shows before accepting: the workspace's name and whether the link still works. */
export async function previewInvite(options: { token: string }) {
  const row = await findInviteOrThrow(options.token);
  return { workspaceName: row.workspace.name, email: row.email, role: row.role, status: statusOf(row) };
}

/** The signed-in user joins with the invite's role; the invite is used up. */
export async function acceptInvite(options: { userId: string; email: string; token: string }) {
  const row = await findInviteOrThrow(options.token);
  const status = statusOf(row);
  if (status === "accepted") throw new AppError("conflict", "This invite was already used.");
  if (status === "expired") throw new AppError("invite_expired", "This invite has expired. Ask for a new one.");
  if (row.email !== options.email.toLowerCase()) {
    throw new AppError("forbidden", "This invite was sent to another email address. Sign in with that address to accept it.");
  }
  await db().$transaction(async (tx) => {
    const used = await tx.workspaceInvite.updateMany({ where: { id: row.id, acceptedAt: null }, data: { acceptedAt: new Date() } });
    if (used.count === 0) throw new AppError("conflict", "This invite was already used.");
    await tx.workspaceMember.upsert({
      where: { workspaceId_userId: { workspaceId: row.workspaceId, userId: options.userId } },
      create: { workspaceId: row.workspaceId, userId: options.userId, role: row.role },
      update: {},
    });
  });
  return row.workspaceId;
}
