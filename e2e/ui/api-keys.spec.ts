import { expect, test } from "../fixtures/auth";

test("settings: create a key (secret shown once), use it, rotate and revoke it", async ({ page, auth, request, baseURL }) => {
  await auth.signUpAndIn("api-keys");
  await page.goto("/settings");
  await page.getByTestId("settings-api-keys-link").click();
  await expect(page).toHaveURL(/\/settings\/api-keys/);
  await expect(page.getByTestId("api-keys-empty")).toBeVisible();

  await page.getByTestId("api-key-name").fill("e2e bot");
  await page.getByTestId("api-key-permission-write").uncheck();
  await page.getByTestId("api-key-limit").fill("50");
  await page.getByTestId("api-key-create").click();
  const secret = await page.getByTestId("api-key-secret").inputValue();
  expect(secret).toMatch(/^bc_[A-Za-z0-9_-]{32}$/);

  const row = page.getByTestId("api-key-row").filter({ hasText: "e2e bot" });
  await expect(row.getByTestId("api-key-prefix")).toHaveText(`${secret.slice(0, 11)}…`);
  await expect(row).toContainText("read · 50/hour");
  await page.getByTestId("api-key-secret-done").click();
  await expect(page.getByTestId("api-key-secret")).toHaveCount(0);

  // The key works for reading, and its use shows after a reload.
  const models = await request.get(`${baseURL}/api/v1/models`, { headers: { authorization: `Bearer ${secret}` } });
  expect(models.status()).toBe(200);
  expect(models.headers()["x-ratelimit-limit"]).toBe("50");
  await page.reload();
  await expect(row.getByTestId("api-key-usage-count")).toHaveText("1");
  await row.getByTestId("api-key-usage-toggle").click();
  await expect(row.getByTestId("api-key-usage")).toContainText("No model calls");

  // Rotate with no grace period: the old secret stops at once, the new one works.
  await row.getByTestId("api-key-rotate").click();
  await row.getByTestId("api-key-grace").selectOption("0");
  await row.getByTestId("api-key-rotate-confirm").click();
  const rotated = await page.getByTestId("api-key-secret").inputValue();
  expect(rotated).not.toBe(secret);
  await page.getByTestId("api-key-secret-done").click();
  const call = (key: string) => request.get(`${baseURL}/api/v1/models`, { headers: { authorization: `Bearer ${key}` } });
  expect((await call(secret)).status()).toBe(401);
  expect((await call(rotated)).status()).toBe(200);

  await row.getByTestId("api-key-revoke").click();
  await row.getByTestId("api-key-revoke-confirm").click();
  await expect(row.getByTestId("api-key-status")).toHaveText("revoked");
  expect((await call(rotated)).status()).toBe(401);
});
