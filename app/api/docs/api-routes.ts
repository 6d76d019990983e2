// Every /api/v1 route module, keyed by its OpenAPI path: the input of the OpenAPI document.
// Each keeps only the methods it serves (its 405 stubs for the other methods are left out).
// It lives in app/ because lib/ never imports app/; a test walks app/api/v1 and fails when a
// route.ts is missing here or a path does not match its folder.
import * as apiKeys from "@/app/api/v1/api-keys/route";
import * as apiKeysById from "@/app/api/v1/api-keys/[id]/route";
import * as apiKeysByIdRotate from "@/app/api/v1/api-keys/[id]/rotate/route";
import * as apiKeysByIdUsage from "@/app/api/v1/api-keys/[id]/usage/route";
import * as audioById from "@/app/api/v1/audio/[id]/route";
import * as audioByIdAnalyze from "@/app/api/v1/audio/[id]/analyze/route";
import * as audioByIdFile from "@/app/api/v1/audio/[id]/file/route";
import * as audioConfigHealth from "@/app/api/v1/audio/config/health/route";
import * as audioConfigLanguages from "@/app/api/v1/audio/config/languages/route";
import * as audioTranscribe from "@/app/api/v1/audio/transcribe/route";
import * as audioTranscribeUpload from "@/app/api/v1/audio/transcribe-upload/route";
import * as audioUpload from "@/app/api/v1/audio/upload/route";
import * as audioVoiceChat from "@/app/api/v1/audio/voice-chat/route";
import * as authLogin from "@/app/api/v1/auth/login/route";
import * as authLoginCode from "@/app/api/v1/auth/login/code/route";
import * as authLogout from "@/app/api/v1/auth/logout/route";
import * as authMe from "@/app/api/v1/auth/me/route";
import * as authPasswordChange from "@/app/api/v1/auth/password/change/route";
import * as authPasswordForgot from "@/app/api/v1/auth/password/forgot/route";
import * as authPasswordReset from "@/app/api/v1/auth/password/reset/route";
import * as authRegister from "@/app/api/v1/auth/register/route";
import * as authVerifyEmail from "@/app/api/v1/auth/verify-email/route";
import * as authVerifyEmailResend from "@/app/api/v1/auth/verify-email/resend/route";
import * as chat from "@/app/api/v1/chat/route";
import * as chatById from "@/app/api/v1/chat/[id]/route";
import * as chatByIdBranch from "@/app/api/v1/chat/[id]/branch/route";
import * as chatByIdContext from "@/app/api/v1/chat/[id]/context/route";
import * as chatByIdStop from "@/app/api/v1/chat/[id]/stop/route";
import * as chatCompletions from "@/app/api/v1/chat/completions/route";
import * as chatModels from "@/app/api/v1/chat/models/route";
import * as conversations from "@/app/api/v1/conversations/route";
import * as conversationsById from "@/app/api/v1/conversations/[id]/route";
import * as conversationsByIdRestore from "@/app/api/v1/conversations/[id]/restore/route";
import * as conversationsByIdTags from "@/app/api/v1/conversations/[id]/tags/route";
import * as conversationsByIdTagsByTag from "@/app/api/v1/conversations/[id]/tags/[tag]/route";
import * as conversationsSearch from "@/app/api/v1/conversations/search/route";
import * as conversationsTags from "@/app/api/v1/conversations/tags/route";
import * as devOutbox from "@/app/api/v1/dev/outbox/route";
import * as exportRoute from "@/app/api/v1/export/route";
import * as exportByIdFile from "@/app/api/v1/export/[id]/file/route";
import * as health from "@/app/api/v1/health/route";
import * as healthLive from "@/app/api/v1/health/live/route";
import * as healthProviders from "@/app/api/v1/health/providers/route";
import * as healthProvidersByKeyIdEnable from "@/app/api/v1/health/providers/[keyId]/enable/route";
import * as healthReady from "@/app/api/v1/health/ready/route";
import * as imagesById from "@/app/api/v1/images/[id]/route";
import * as imagesByIdAnalyze from "@/app/api/v1/images/[id]/analyze/route";
import * as imagesByIdFile from "@/app/api/v1/images/[id]/file/route";
import * as imagesByIdOcr from "@/app/api/v1/images/[id]/ocr/route";
import * as imagesUpload from "@/app/api/v1/images/upload/route";
import * as jobsById from "@/app/api/v1/jobs/[id]/route";
import * as models from "@/app/api/v1/models/route";
import * as projects from "@/app/api/v1/projects/route";
import * as projectsById from "@/app/api/v1/projects/[id]/route";
import * as workspaces from "@/app/api/v1/workspaces/route";
import * as workspacesById from "@/app/api/v1/workspaces/[id]/route";
import * as workspacesByIdInvites from "@/app/api/v1/workspaces/[id]/invites/route";
import * as workspacesByIdInvitesByInviteId from "@/app/api/v1/workspaces/[id]/invites/[inviteId]/route";
import * as workspacesByIdMembers from "@/app/api/v1/workspaces/[id]/members/route";
import * as workspacesByIdMembersByUserId from "@/app/api/v1/workspaces/[id]/members/[userId]/route";
import * as workspacesByIdTransfer from "@/app/api/v1/workspaces/[id]/transfer/route";
import * as workspacesInvitesAccept from "@/app/api/v1/workspaces/invites/accept/route";
import { buildOpenApiDocument, servedMethods, type OpenApiDocument, type RouteModule } from "@/lib/openapi/document";

export const apiRoutes: Record<string, RouteModule> = {
  "/api/v1/api-keys": servedMethods(apiKeys),
  "/api/v1/api-keys/{id}": servedMethods(apiKeysById),
  "/api/v1/api-keys/{id}/rotate": servedMethods(apiKeysByIdRotate),
  "/api/v1/api-keys/{id}/usage": servedMethods(apiKeysByIdUsage),
  "/api/v1/audio/{id}": servedMethods(audioById),
  "/api/v1/audio/{id}/analyze": servedMethods(audioByIdAnalyze),
  "/api/v1/audio/{id}/file": servedMethods(audioByIdFile),
  "/api/v1/audio/config/health": servedMethods(audioConfigHealth),
  "/api/v1/audio/config/languages": servedMethods(audioConfigLanguages),
  "/api/v1/audio/transcribe": servedMethods(audioTranscribe),
  "/api/v1/audio/transcribe-upload": servedMethods(audioTranscribeUpload),
  "/api/v1/audio/upload": servedMethods(audioUpload),
  "/api/v1/audio/voice-chat": servedMethods(audioVoiceChat),
  "/api/v1/auth/login": servedMethods(authLogin),
  "/api/v1/auth/login/code": servedMethods(authLoginCode),
  "/api/v1/auth/logout": servedMethods(authLogout),
  "/api/v1/auth/me": servedMethods(authMe),
  "/api/v1/auth/password/change": servedMethods(authPasswordChange),
  "/api/v1/auth/password/forgot": servedMethods(authPasswordForgot),
  "/api/v1/auth/password/reset": servedMethods(authPasswordReset),
  "/api/v1/auth/register": servedMethods(authRegister),
  "/api/v1/auth/verify-email": servedMethods(authVerifyEmail),
  "/api/v1/auth/verify-email/resend": servedMethods(authVerifyEmailResend),
  "/api/v1/chat": servedMethods(chat),
  "/api/v1/chat/{id}": servedMethods(chatById),
  "/api/v1/chat/{id}/branch": servedMethods(chatByIdBranch),
  "/api/v1/chat/{id}/context": servedMethods(chatByIdContext),
  "/api/v1/chat/{id}/stop": servedMethods(chatByIdStop),
  "/api/v1/chat/completions": servedMethods(chatCompletions),
  "/api/v1/chat/models": servedMethods(chatModels),
  "/api/v1/conversations": servedMethods(conversations),
  "/api/v1/conversations/{id}": servedMethods(conversationsById),
  "/api/v1/conversations/{id}/restore": servedMethods(conversationsByIdRestore),
  "/api/v1/conversations/{id}/tags": servedMethods(conversationsByIdTags),
  "/api/v1/conversations/{id}/tags/{tag}": servedMethods(conversationsByIdTagsByTag),
  "/api/v1/conversations/search": servedMethods(conversationsSearch),
  "/api/v1/conversations/tags": servedMethods(conversationsTags),
  "/api/v1/dev/outbox": servedMethods(devOutbox),
  "/api/v1/export": servedMethods(exportRoute),
  "/api/v1/export/{id}/file": servedMethods(exportByIdFile),
  "/api/v1/health": servedMethods(health),
  "/api/v1/health/live": servedMethods(healthLive),
  "/api/v1/health/providers": servedMethods(healthProviders),
  "/api/v1/health/providers/{keyId}/enable": servedMethods(healthProvidersByKeyIdEnable),
  "/api/v1/health/ready": servedMethods(healthReady),
  "/api/v1/images/{id}": servedMethods(imagesById),
  "/api/v1/images/{id}/analyze": servedMethods(imagesByIdAnalyze),
  "/api/v1/images/{id}/file": servedMethods(imagesByIdFile),
  "/api/v1/images/{id}/ocr": servedMethods(imagesByIdOcr),
  "/api/v1/images/upload": servedMethods(imagesUpload),
  "/api/v1/jobs/{id}": servedMethods(jobsById),
  "/api/v1/models": servedMethods(models),
  "/api/v1/projects": servedMethods(projects),
  "/api/v1/projects/{id}": servedMethods(projectsById),
  "/api/v1/workspaces": servedMethods(workspaces),
  "/api/v1/workspaces/{id}": servedMethods(workspacesById),
  "/api/v1/workspaces/{id}/invites": servedMethods(workspacesByIdInvites),
  "/api/v1/workspaces/{id}/invites/{inviteId}": servedMethods(workspacesByIdInvitesByInviteId),
  "/api/v1/workspaces/{id}/members": servedMethods(workspacesByIdMembers),
  "/api/v1/workspaces/{id}/members/{userId}": servedMethods(workspacesByIdMembersByUserId),
  "/api/v1/workspaces/{id}/transfer": servedMethods(workspacesByIdTransfer),
  "/api/v1/workspaces/invites/accept": servedMethods(workspacesInvitesAccept),
};

let document: OpenApiDocument | undefined;

/** Built once per process: the routes and schemas do not change while it runs. */
export function openApiDocument(): OpenApiDocument {
  document ??= buildOpenApiDocument(apiRoutes);
  return document;
}
