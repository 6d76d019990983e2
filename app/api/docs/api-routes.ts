// Every /api/v1 route module, keyed by its OpenAPI path: the input of the OpenAPI document.
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
import { buildOpenApiDocument, type OpenApiDocument, type RouteModule } from "@/lib/openapi/document";

export const apiRoutes: Record<string, RouteModule> = {
  "/api/v1/api-keys": apiKeys,
  "/api/v1/api-keys/{id}": apiKeysById,
  "/api/v1/api-keys/{id}/rotate": apiKeysByIdRotate,
  "/api/v1/api-keys/{id}/usage": apiKeysByIdUsage,
  "/api/v1/audio/{id}": audioById,
  "/api/v1/audio/{id}/analyze": audioByIdAnalyze,
  "/api/v1/audio/{id}/file": audioByIdFile,
  "/api/v1/audio/config/health": audioConfigHealth,
  "/api/v1/audio/config/languages": audioConfigLanguages,
  "/api/v1/audio/transcribe": audioTranscribe,
  "/api/v1/audio/transcribe-upload": audioTranscribeUpload,
  "/api/v1/audio/upload": audioUpload,
  "/api/v1/audio/voice-chat": audioVoiceChat,
  "/api/v1/auth/login": authLogin,
  "/api/v1/auth/login/code": authLoginCode,
  "/api/v1/auth/logout": authLogout,
  "/api/v1/auth/me": authMe,
  "/api/v1/auth/password/change": authPasswordChange,
  "/api/v1/auth/password/forgot": authPasswordForgot,
  "/api/v1/auth/password/reset": authPasswordReset,
  "/api/v1/auth/register": authRegister,
  "/api/v1/auth/verify-email": authVerifyEmail,
  "/api/v1/auth/verify-email/resend": authVerifyEmailResend,
  "/api/v1/chat": chat,
  "/api/v1/chat/{id}": chatById,
  "/api/v1/chat/{id}/branch": chatByIdBranch,
  "/api/v1/chat/{id}/context": chatByIdContext,
  "/api/v1/chat/{id}/stop": chatByIdStop,
  "/api/v1/chat/completions": chatCompletions,
  "/api/v1/chat/models": chatModels,
  "/api/v1/conversations": conversations,
  "/api/v1/conversations/{id}": conversationsById,
  "/api/v1/conversations/{id}/restore": conversationsByIdRestore,
  "/api/v1/conversations/{id}/tags": conversationsByIdTags,
  "/api/v1/conversations/{id}/tags/{tag}": conversationsByIdTagsByTag,
  "/api/v1/conversations/search": conversationsSearch,
  "/api/v1/conversations/tags": conversationsTags,
  "/api/v1/dev/outbox": devOutbox,
  "/api/v1/health": health,
  "/api/v1/health/live": healthLive,
  "/api/v1/health/providers": healthProviders,
  "/api/v1/health/providers/{keyId}/enable": healthProvidersByKeyIdEnable,
  "/api/v1/health/ready": healthReady,
  "/api/v1/images/{id}": imagesById,
  "/api/v1/images/{id}/analyze": imagesByIdAnalyze,
  "/api/v1/images/{id}/file": imagesByIdFile,
  "/api/v1/images/{id}/ocr": imagesByIdOcr,
  "/api/v1/images/upload": imagesUpload,
  "/api/v1/jobs/{id}": jobsById,
  "/api/v1/models": models,
  "/api/v1/projects": projects,
  "/api/v1/projects/{id}": projectsById,
};

let document: OpenApiDocument | undefined;

/** Built once per process: the routes and schemas do not change while it runs. */
export function openApiDocument(): OpenApiDocument {
  document ??= buildOpenApiDocument(apiRoutes);
  return document;
}
