// Refuses to run against anything but a local database: the suite creates accounts freely.
export default function globalSetup() {
  const url = process.env.DATABASE_URL;
  if (!url) return;
  const host = new URL(url).hostname;
  if (!["localhost", "127.0.0.1", "::1", "[::1]"].includes(host)) {
    throw new Error(`Refusing to run e2e tests against non-local database host ${host}.`);
  }
}
