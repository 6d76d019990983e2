// The chat in a real browser against the built app, whose providers point at the stub server.
import { expect, test } from "../fixtures/auth";
import { resetStub, scriptStub } from "../fixtures/stub";

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

test("when every provider fails the reply shows an error a person can act on", async ({ page, auth }) => {
  await auth.signUpAndIn("chat-error");
  await scriptStub([{ kind: "status", status: 503, times: 50 }]);
  await page.getByTestId("chat-input").fill("is anyone there");
  await page.getByTestId("chat-input").press("Enter");
  await expect(page.getByTestId("message-error").last()).toContainText(/failed|unavailable|try again/i);
});
