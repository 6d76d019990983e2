import { deleteImage, getImageOrThrow } from "@/lib/media/images/service";
import { idParams, route } from "@/lib/http/route";

// GET /api/v1/images/:id — one of my images
export const GET = route({ auth: "user", params: idParams }, async ({ principal, params }) =>
  Response.json(await getImageOrThrow({ userId: principal.userId, imageId: params.id })),
);

// DELETE /api/v1/images/:id — delete the image, its file, OCR results and analyses
export const DELETE = route({ auth: "user", params: idParams }, async ({ principal, params }) => {
  await deleteImage({ userId: principal.userId, imageId: params.id });
  return new Response(null, { status: 204 });
});
