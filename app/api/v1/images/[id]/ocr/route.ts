import { idParams, methodsNotAllowed, route } from "@/lib/http/route";
import { requestImageOcr } from "@/lib/media/ocr/service";
import { ocrRequest, ocrDone, ocrQueued } from "@/lib/media/ocr/schemas";

export const POST = route(
  {
    auth: "user",
    params: idParams,
    summary: "Read the text in my image: 200 with a cached result, or 202 with a job to poll",
    body: ocrRequest,
    response: [
      { status: 200, schema: ocrDone, description: "Read before, in this language" },
      { status: 202, schema: ocrQueued },
    ],
  },
  async ({ principal, params, body }) => {
    const outcome = await requestImageOcr({ userId: principal.userId, imageId: params.id, language: body.language });
    return Response.json(outcome, { status: outcome.status === "done" ? 200 : 202 });
  },
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(["POST"]);
