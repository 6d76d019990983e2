// The media page: an image upload read by OCR with visible progress, refusals by real file type,
// and an audio file transcribed (by the stub provider's Whisper endpoint) then summarised.
import { expect, test } from "../fixtures/auth";
import { renderTextPng, silentWav, windowsExecutable } from "../fixtures/media-files";
import { resetStub } from "../fixtures/stub";

// Another spec may have left scripted failures in the shared stub provider.
test.beforeEach(async () => {
  await resetStub();
});

test.describe("media page", () => {
  test("uploads an image, shows OCR progress and the text read from it", async ({ page, auth }) => {
    await auth.signUpAndIn("media-ocr");
    await page.goto("/media");
    await expect(page.getByTestId("image-file")).toBeEnabled(); // hydrated: a file picked earlier is lost
    await page.getByTestId("image-file").setInputFiles({ name: "note.png", mimeType: "image/png", buffer: await renderTextPng("Hello BaatCheet 2026") });
    await page.getByTestId("image-upload").click();
    await expect(page.getByTestId("image-uploaded")).toBeVisible();
    await expect(page.getByRole("img", { name: "note.png" })).toBeVisible();

    await page.getByTestId("ocr-language-select").selectOption("eng");
    const polled = page.waitForResponse((response) => /\/api\/v1\/jobs\//.test(response.url()) && response.ok());
    await page.getByTestId("ocr-start").click();
    await expect(page.getByTestId("ocr-progress")).toBeVisible();
    expect(["queued", "running", "done"]).toContain((await (await polled).json()).job.status);
    await expect(page.getByTestId("ocr-text")).toHaveText("Hello BaatCheet 2026", { timeout: 30_000 });
    await expect(page.getByTestId("ocr-language")).toHaveText("eng");
  });

  test("refuses a program named .png, by what the file really is", async ({ page, auth }) => {
    await auth.signUpAndIn("media-415");
    await page.goto("/media");
    await expect(page.getByTestId("image-file")).toBeEnabled(); // hydrated: a file picked earlier is lost
    await page.getByTestId("image-file").setInputFiles({ name: "cat.png", mimeType: "image/png", buffer: windowsExecutable() });
    await page.getByTestId("image-upload").click();
    await expect(page.getByTestId("form-error")).toContainText("whatever its name says");
    await expect(page.getByTestId("image-uploaded")).toHaveCount(0);
  });

  test("transcribes an audio file and summarises the transcript", async ({ page, auth }) => {
    await auth.signUpAndIn("media-audio");
    await page.goto("/media");
    await expect(page.getByTestId("audio-file")).toBeEnabled(); // hydrated: a file picked earlier is lost
    await page.getByTestId("audio-file").setInputFiles({ name: "memo.wav", mimeType: "audio/wav", buffer: silentWav(2) });
    await page.getByTestId("audio-language").selectOption("ur");
    await page.getByTestId("audio-transcribe").click();
    await expect(page.getByTestId("audio-transcript")).toHaveText("Transcript of audio.wav.", { timeout: 30_000 });

    await page.getByTestId("audio-analyze-summary").click();
    await expect(page.getByTestId("audio-analysis-summary-done")).toContainText("Transcript of audio.wav.", { timeout: 30_000 });
  });
});
