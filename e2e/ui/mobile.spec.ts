// A phone: 390×844 with a touch screen (Chromium then reports a coarse pointer, as a phone does).
import { expect, test } from "../fixtures/auth";
import { resetStub } from "../fixtures/stub";

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

test.beforeEach(async () => {
  await resetStub();
});

test("on a phone Enter adds a line and the button sends; the composer's buttons are at least 44 px; no keyboard hints", async ({ page, auth }) => {
  await auth.signUpAndIn("phone");
  const input = page.getByTestId("chat-input");
  await expect(input).toBeEnabled();

  // Touch targets: every button in the composer is at least 44×44 px.
  for (const testId of ["attach-image", "voice-record", "chat-send"]) {
    const box = await page.getByTestId(testId).boundingBox();
    expect(box, testId).not.toBeNull();
    expect(box!.width, `${testId} width`).toBeGreaterThanOrEqual(44);
    expect(box!.height, `${testId} height`).toBeGreaterThanOrEqual(44);
  }

  // Enter starts a new line instead of sending.
  await input.tap();
  await page.keyboard.type("first line");
  await page.keyboard.press("Enter");
  await page.keyboard.type("second line");
  await expect(input).toHaveValue("first line\nsecond line");
  await expect(page.getByTestId("message-user")).toHaveCount(0);
  await expect(page.getByTestId("chat-composer-note")).not.toContainText("Enter");

  // The button sends both lines as one message.
  await page.getByTestId("chat-send").tap();
  await expect(page.getByTestId("message-user")).toHaveCount(1);
  await expect(page.getByTestId("message-user")).toContainText("first line\nsecond line");
  await expect(page.getByTestId("message-assistant").last()).toContainText("Echo: first line");
  await expect(input).toHaveValue("");

  // No "Ctrl K"-style hints under a finger, in the sidebar drawer either.
  await page.getByTestId("sidebar-open").tap();
  await expect(page.getByTestId("search-open")).toBeVisible();
  await expect(page.getByTestId("sidebar")).toContainText("New chat");
  await expect(page.locator("kbd:visible")).toHaveCount(0);
  await expect(page.getByTestId("shortcut-help-open")).toBeHidden();
});
