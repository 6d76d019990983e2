import { AuthPages, expect, test } from "../fixtures/auth";

test("register, verify with the emailed code (signed in at once), sign out, sign in, sign out", async ({ page, auth }) => {
  const email = auth.uniqueEmail("journey");
  const password = "a long enough password";

  await auth.register(email, password);
  // Without SMTP the page says where the code went.
  await expect(page.getByTestId("verify-outbox-hint")).toContainText("dev outbox");
  const code = await auth.codeFromOutbox(email);
  await auth.verify(email, code);
  await expect(page.getByTestId("user-menu-email")).toContainText(email);
  await auth.signOut();

  await auth.signIn(email, password);
  await expect(page).toHaveURL(/\/chat/);
  await expect(page.getByTestId("chat-empty")).toBeVisible();
  await expect(page.getByTestId("user-menu-email")).toContainText(email);

  await page.getByTestId("sign-out").click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/chat");
  await expect(page).toHaveURL(/\/login/);
});

test("a wrong password shows an error a person understands", async ({ page, auth }) => {
  const email = auth.uniqueEmail("wrong-password");
  await auth.register(email, "the right password");
  await auth.verify(email, await auth.codeFromOutbox(email));
  await auth.signOut();

  await auth.signIn(email, "not the right password");
  await expect(page.getByTestId("form-error")).toContainText("The email or password is not correct.");
  await expect(page).toHaveURL(/\/login/);
});

test("a signed-out visit to a deep link comes back to it after sign-in", async ({ page, auth }) => {
  const email = await auth.signUpAndIn("deep-link");
  await auth.signOut();

  await page.goto("/settings?tab=sessions");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fsettings%3Ftab%3Dsessions/);
  await auth.signIn(email, "a long enough password");
  await expect(page).toHaveURL(/\/settings\?tab=sessions$/);
});

test("a short password is refused on sign-up with a clear message", async ({ page, auth }) => {
  await page.goto("/register");
  await page.getByTestId("register-email").fill(auth.uniqueEmail("short"));
  await page.getByTestId("register-password").fill("short");
  await page.getByTestId("register-submit").click();
  await expect(page.getByText("at least 8 characters")).toBeVisible();
  await expect(page).toHaveURL(/\/register/);
});

test("sign in with an emailed one-time code", async ({ page, auth }) => {
  const email = auth.uniqueEmail("code-login");
  await auth.register(email, "a long enough password");
  await auth.verify(email, await auth.codeFromOutbox(email));
  await auth.signOut();

  await page.goto("/login");
  await page.getByTestId("login-use-code").click();
  await page.getByTestId("login-email").fill(email);
  await page.getByTestId("login-send-code").click();
  await expect(page.getByTestId("login-code")).toBeVisible();
  await page.getByTestId("login-code").fill(await auth.codeFromOutbox(email));
  await page.getByTestId("login-submit").click();
  await expect(page).toHaveURL(/\/chat/);
  await expect(page.getByTestId("user-menu-email")).toContainText(email);
});

test("sign out everywhere from settings ends the session in another browser too", async ({ page, auth, browser }) => {
  const email = await auth.signUpAndIn("everywhere");
  const other = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.250" } });
  try {
    const otherPage = await other.newPage();
    await new AuthPages(otherPage).signIn(email, "a long enough password");
    await expect(otherPage).toHaveURL(/\/chat/);

    await page.goto("/settings");
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByTestId("sign-out-everywhere").click();
    await expect(page).toHaveURL(/\/login/);

    await otherPage.goto("/settings");
    await expect(otherPage).toHaveURL(/\/login/);
  } finally {
    await other.close();
  }
});
