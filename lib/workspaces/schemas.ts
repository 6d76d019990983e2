// Workspaces: where projects and conversations live, with members, roles and email invites.
import { z } from "zod";

export const workspaceRole = z.enum(["owner", "admin", "member"]);
export type WorkspaceRoleName = z.infer<typeof workspaceRole>;

/** Roles an invite or a role change may give: ownership only moves by transfer. */
export const assignableRole = z.enum(["admin", "member"]).describe("`admin` manages members and invites; `member` works");

const name = z.string().trim().min(1, "A workspace needs a name.").max(80, "A name can be at most 80 characters.");

export const createWorkspaceInput = z.object({ name: name.describe("Shown in the workspace switcher") });
export type CreateWorkspaceInput = z.infer<typeof createWorkspaceInput>;

export const renameWorkspaceInput = z.object({ name });

export const workspaceView = z.object({
  id: z.string(),
  name: z.string(),
  personal: z.boolean().describe("Every user has one personal workspace: it cannot be shared, transferred or deleted"),
  role: workspaceRole.describe("The caller's role here"),
  members: z.int().describe("How many members it has"),
  createdAt: z.date(),
});
export type WorkspaceView = z.infer<typeof workspaceView>;

export const workspaceResponse = z.object({ workspace: workspaceView });
export const workspaceList = z.object({ items: z.array(workspaceView) });

export const memberView = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  role: workspaceRole,
  joinedAt: z.date(),
});
export const memberList = z.object({ items: z.array(memberView) });
export const memberResponse = z.object({ member: memberView });

export const updateMemberInput = z.object({ role: assignableRole });

export const memberParams = z.object({ id: z.string().min(1).max(64), userId: z.string().min(1).max(64) });
export const inviteParams = z.object({ id: z.string().min(1).max(64), inviteId: z.string().min(1).max(64) });

export const removedMember = z.object({
  userId: z.string(),
  movedHome: z.object({
    projects: z.int().describe("Their private projects, moved to their personal workspace"),
    conversations: z.int().describe("Their conversations outside shared projects, moved to their personal workspace"),
  }),
});

export const createInviteInput = z.object({
  email: z.email("Enter a valid email address.").max(254).transform((value) => value.toLowerCase()),
  role: assignableRole.default("member"),
});
export type CreateInviteInput = z.infer<typeof createInviteInput>;

export const inviteView = z.object({
  id: z.string(),
  email: z.string(),
  role: workspaceRole,
  status: z.enum(["pending", "accepted", "revoked", "expired"]),
  expiresAt: z.date(),
  createdAt: z.date(),
});
export type InviteView = z.infer<typeof inviteView>;
export const inviteResponse = z.object({ invite: inviteView });
export const inviteList = z.object({ items: z.array(inviteView) });

export const acceptInviteInput = z.object({
  token: z.string().trim().min(1).max(128).describe("The token from the invite link (`/invite/<token>`)"),
});

export const transferInput = z.object({ userId: z.string().min(1).max(64).describe("A member who becomes the owner; the old owner stays as an admin") });

export const deletedWorkspace = z.object({
  id: z.string(),
  movedHome: z.object({
    projects: z.int().describe("Projects moved to their creators' personal workspaces (as private)"),
    conversations: z.int().describe("Conversations moved to their creators' personal workspaces"),
  }),
});
