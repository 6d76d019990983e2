import { deleteImage, getImageOrThrow } from "@/lib/media/images/service";
import { imageResponse } from "@/lib/media/images/schemas";
import { idParams, methodsNotAllowed, route } from "@/lib/http/route";

export const GET = route(
  { auth: "user", params: idParams, summary: "One of my images", response: { status: 200, schema: imageResponse } },
  async ({ principal, params }) => Response.json({ image: await getImageOrThrow({ userId: principal.userId, imageId: params.id }) }),
);

export const DELETE = route(
  {
    auth: "user",
    params: idParams,
    summary: "Delete the image, its file, OCR results and analyses",
    response: { status: 204, empty: true, description: "Deleted" },
  },
  async ({ principal, params }) => {
    await deleteImage({ userId: principal.userId, imageId: params.id });
    return new Response(null, { status: 204 });
  },
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { POST, PUT, PATCH, OPTIONS } = methodsNotAllowed(["GET", "DELETE"]);
