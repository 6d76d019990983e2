// The chat in a real browser against the built app, whose providers point at the stub server.
import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures/auth";
import { renderTextPng, silentWav, windowsExecutable } from "../fixtures/media-files";
import { resetStub, scriptStub, stubRequests } from "../fixtures/stub";

/** Picks files as a person does, through the attach button (usable once the page has hydrated). */
async function attachThroughButton(page: Page, files: Parameters<Page["setInputFiles"]>[1]) {
  const chooser = page.waitForEvent("filechooser");
  await page.getByTestId("attach-image").click();
  await (await chooser).setFiles(files);
}

test.beforeEach(async () => {
  await resetStub();
});
// Scripted failures left unused would fail the next spec's provider calls.
test.afterEach(async () => {
  await resetStub();
});

test("send a message and see the streamed reply; the conversation gets its own address and a sidebar link", async ({ page, auth }) => {
  await auth.signUpAndIn("chat-send");
  await page.getByTestId("chat-input").fill("hello browser");
  await page.getByTestId("chat-input").press("Enter");

  await expect(page.getByTestId("message-user").last()).toContainText("hello browser");
  await expect(page.getByTestId("message-assistant").last()).toContainText("Echo: hello browser");
  await expect(page).toHaveURL(/\/chat\/[a-z0-9]+$/);
  await expect(page.getByTestId("chat-title")).not.toHaveText("New chat");
  await expect(page.getByTestId("conversation-link").first()).toBeVisible();

  // A reload shows the persisted conversation.
  await page.reload();
  await expect(page.getByTestId("message-assistant").last()).toContainText("Echo: hello browser");
});

test("stop a reply while it streams: what arrived stays, marked as stopped", async ({ page, auth }) => {
  await auth.signUpAndIn("chat-stop");
  const words = Array.from({ length: 60 }, (_, i) => `w${i}`).join(" ");
  await scriptStub([{ kind: "ok", reply: words, chunkIntervalMs: 150 }]);
  await page.getByTestId("chat-input").fill("go slowly");
  await page.getByTestId("chat-send").click();

  await expect(page.getByTestId("message-assistant").last()).toContainText("w3");
  await page.getByTestId("chat-stop").click();
  await expect(page.getByTestId("chat-stop")).toBeHidden();
  await expect(page.getByTestId("message-status").last()).toBeVisible();
  const shown = await page.getByTestId("message-assistant").last().innerText();
  expect(shown).not.toContain("w59");
});

test("edit a message and regenerate a reply; every version stays browsable", async ({ page, auth }) => {
  await auth.signUpAndIn("chat-edit");
  await page.getByTestId("chat-input").fill("first version");
  await page.getByTestId("chat-input").press("Enter");
  await expect(page.getByTestId("message-assistant").last()).toContainText("Echo: first version");

  await page.getByTestId("message-user").last().hover();
  await page.getByTestId("message-edit").last().click();
  await page.getByTestId("edit-input").fill("second version");
  await page.getByTestId("edit-save").click();
  await expect(page.getByTestId("message-assistant").last()).toContainText("Echo: second version");
  await expect(page.getByTestId("version-label").first()).toHaveText(/2\s*\/\s*2/);

  await page.getByTestId("version-prev").first().click();
  await expect(page.getByTestId("message-user").last()).toContainText("first version");
  await expect(page.getByTestId("message-assistant").last()).toContainText("Echo: first version");

  await page.getByTestId("message-assistant").last().hover();
  await page.getByTestId("message-regenerate").last().click();
  await expect(page.getByTestId("version-label").last()).toHaveText(/2\s*\/\s*2/);
  await expect(page.getByTestId("message-assistant").last()).toContainText("Echo: first version");
});

test("attach an image: it uploads with progress, the model is sent the image, and the message shows it after a reload", async ({ page, auth }) => {
  await auth.signUpAndIn("chat-image");
  await attachThroughButton(page, { name: "note.png", mimeType: "image/png", buffer: await renderTextPng("Table 7") });
  await expect(page.getByTestId("attachment")).toHaveAttribute("data-state", "ready");
  await page.getByTestId("chat-input").fill("What does this say?");
  await page.getByTestId("chat-input").press("Enter");

  await expect(page.getByTestId("message-assistant").last()).toContainText("Echo: What does this say?");
  await expect(page.getByTestId("attachment")).toHaveCount(0);
  const chat = (await stubRequests()).find((request) => request.path === "/v1/chat/completions");
  const lastUser = (chat!.body as { messages: { role: string; content: unknown }[] }).messages.findLast((message) => message.role === "user");
  expect(JSON.stringify(lastUser!.content)).toContain("data:image/png;base64,");

  await expect(page).toHaveURL(/\/chat\/[a-z0-9]+$/);
  await page.reload();
  const image = page.getByTestId("message-image");
  await expect(image).toBeVisible();
  // Loaded through the authorised download, not a broken image.
  await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.naturalWidth)).toBeGreaterThan(0);
});

test("a program named .png is refused on its thumbnail, and sending waits until it is removed", async ({ page, auth }) => {
  await auth.signUpAndIn("chat-image-refused");
  await attachThroughButton(page, { name: "cat.png", mimeType: "image/png", buffer: windowsExecutable() });
  await expect(page.getByTestId("attachment-error")).toContainText(/whatever its name says|not an image|unsupported/i);
  await page.getByTestId("chat-input").fill("hello");
  await expect(page.getByTestId("chat-send")).toBeDisabled();
  await page.getByTestId("attachment-remove").click();
  await expect(page.getByTestId("chat-send")).toBeEnabled();
});

test("dictate with the microphone: the transcript lands in the message box to send", async ({ page, auth }) => {
  await auth.signUpAndIn("chat-voice");
  await page.getByTestId("voice-record").click();
  await expect(page.getByTestId("voice-timer")).toBeVisible();
  await page.waitForTimeout(1200); // a second of the synthetic microphone's beep
  await page.getByTestId("voice-stop").click();
  await expect(page.getByTestId("chat-input")).toHaveValue(/Transcript of /, { timeout: 30_000 });
  await page.getByTestId("chat-input").press("Enter");
  await expect(page.getByTestId("message-assistant").last()).toContainText("Echo: Transcript of");
});

test("an audio file attached in the composer is transcribed into the message box", async ({ page, auth }) => {
  await auth.signUpAndIn("chat-audio-file");
  await attachThroughButton(page, { name: "memo.wav", mimeType: "audio/wav", buffer: silentWav(1) });
  await expect(page.getByTestId("chat-input")).toHaveValue(/Transcript of /, { timeout: 30_000 });
  await expect(page.getByTestId("attachment")).toHaveCount(0);
});

test("when every provider fails the reply shows an error a person can act on", async ({ page, auth }) => {
  await auth.signUpAndIn("chat-error");
  // A short retry-after, so the keys this cools down serve the next spec again within a second.
  await scriptStub([{ kind: "status", status: 503, times: 50, headers: { "retry-after": "1" } }]);
  await page.getByTestId("chat-input").fill("is anyone there");
  await page.getByTestId("chat-input").press("Enter");
  await expect(page.getByTestId("message-error").last()).toContainText(/failed|unavailable|try again/i);
});
