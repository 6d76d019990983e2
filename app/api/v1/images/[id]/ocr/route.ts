import { idParams, parseJson, route } from "@/lib/http/route";
import { requestImageOcr } from "@/lib/media/ocr/service";
import { ocrRequest } from "@/lib/media/ocr/schemas";

// POST /api/v1/images/:id/ocr — read the text in my image: 200 with a cached result, or 202 with a job to poll
export const POST = route({ auth: "user", params: idParams }, async ({ req, principal, params }) => {
  const { language } = await parseJson(req, ocrRequest);
  const outcome = await requestImageOcr({ userId: principal.userId, imageId: params.id, language });
  return Response.json(outcome, { status: outcome.status === "done" ? 200 : 202 });
});
