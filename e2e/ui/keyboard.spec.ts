// Keyboard only: once signed in, these tests press keys and never click. The skip link, a visible
// focus indicator on every control, and the shortcuts in components/keyboard/shortcuts.ts.
import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures/auth";
import { resetStub } from "../fixtures/stub";

test.beforeEach(async () => {
  await resetStub();
});

/**
 * The focused element, and whether focus changes how it looks: an outline, or a ring (box
 * shadow) on it or on the box around it, compared with the same element unfocused.
 */
async function focusedElement(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return null;
    const look = () =>
      [element, element.parentElement].map((target) => {
        if (!target) return "";
        const style = getComputedStyle(target);
        return `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor} | ${style.boxShadow}`;
      });
    const focused = look();
    element.blur();
    const unfocused = look();
    // Focus goes back where it was, so the next Tab continues from here.
    element.focus();
    const label = element.getAttribute("data-testid") ?? element.getAttribute("aria-label") ?? element.textContent?.trim().slice(0, 40);
    return {
      name: `${element.tagName.toLowerCase()} "${label}"`,
      visible: focused.some((value, index) => value !== unfocused[index]),
    };
  });
}

test("the skip link leads past the sidebar, and every control on the chat page shows where focus is", async ({ page, auth }) => {
  await auth.signUpAndIn("kbd-focus");

  // On a page that does not focus a box itself, the first Tab reaches the skip link, which shows
  // itself and moves focus past the sidebar to the page's content.
  await page.goto("/projects");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.keyboard.press("Tab");
  const skip = page.getByTestId("skip-link");
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await expect(skip).toHaveText("Skip to content");
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
  await page.keyboard.press("Tab");
  expect(await page.getByTestId("sidebar").evaluate((sidebar) => sidebar.contains(document.activeElement))).toBe(false);
  expect(await page.locator("main").evaluate((main) => main.contains(document.activeElement))).toBe(true);

  // From the top of the chat page, Tab through every control to the composer's last button.
  await page.goto("/chat");
  await expect(page.getByTestId("chat-input")).toBeFocused();
  await skip.focus();
  const missing: string[] = [];
  const seen: string[] = [];
  for (let step = 0; step < 80; step += 1) {
    await page.keyboard.press("Tab");
    const focused = await focusedElement(page);
    if (!focused) continue;
    seen.push(focused.name);
    if (!focused.visible) missing.push(focused.name);
    if (focused.name.includes("voice-record")) break;
  }
  expect(seen.some((name) => name.includes("chat-input")), `tab stops: ${seen.join(", ")}`).toBe(true);
  expect(seen.at(-1), `tab stops: ${seen.join(", ")}`).toContain("voice-record");
  expect(seen.length).toBeGreaterThan(8);
  expect(missing, `controls without a visible focus indicator, of: ${seen.join(", ")}`).toEqual([]);
});

test("shortcuts: help, focus the composer, copy the last reply, toggle the sidebar, new chat", async ({ page, context, auth }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await auth.signUpAndIn("kbd-shortcuts");
  const input = page.getByTestId("chat-input");
  // The composer takes focus once the page is interactive, when the shortcuts are listened for.
  await expect(input).toBeFocused();

  // Ctrl/Cmd+/ lists every shortcut; Esc closes the list.
  await page.keyboard.press("ControlOrMeta+/");
  const help = page.getByTestId("shortcut-help");
  await expect(help).toBeVisible();
  await expect(help.getByTestId("shortcut-row")).toHaveCount(6);
  for (const action of ["New chat", "Focus the message box", "Copy the last reply", "Show or hide the sidebar", "Search conversations"]) {
    await expect(help).toContainText(action);
  }
  await expect(help).toContainText(/Ctrl|⌘/);
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();

  // A conversation typed and sent from the keyboard.
  await expect(input).toBeFocused();
  await page.keyboard.type("shortcut test");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("message-assistant").last()).toContainText("Echo: shortcut test");
  await expect(page).toHaveURL(/\/chat\/[a-z0-9]+$/);

  // Shift+Esc brings focus back to the message box from anywhere.
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(input).not.toBeFocused();
  await page.keyboard.press("Shift+Escape");
  await expect(input).toBeFocused();

  // Ctrl/Cmd+Shift+C copies the last reply and says so.
  await page.keyboard.press("ControlOrMeta+Shift+C");
  await expect(page.getByTestId("chat-announcement")).toHaveText("Copied the last reply.");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("Echo: shortcut test");

  // Ctrl/Cmd+Shift+S hides the sidebar, and shows it again.
  const sidebar = page.getByTestId("sidebar");
  await expect(sidebar).toBeVisible();
  await page.keyboard.press("ControlOrMeta+Shift+S");
  await expect(sidebar).toBeHidden();
  await page.keyboard.press("ControlOrMeta+Shift+S");
  await expect(sidebar).toBeVisible();

  // Ctrl/Cmd+Shift+O starts a new chat, ready to type in.
  await page.keyboard.press("ControlOrMeta+Shift+O");
  await expect(page).toHaveURL(/\/chat$/);
  await expect(page.getByTestId("chat-empty")).toBeVisible();
  await expect(input).toBeFocused();

  // Ctrl/Cmd+K still opens search, from the same table.
  await page.keyboard.press("ControlOrMeta+K");
  await expect(page.getByTestId("search-palette")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("search-palette")).toBeHidden();
});
