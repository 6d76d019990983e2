import { AsyncLocalStorage } from "node:async_hooks";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { replaceProcessSingleton } from "@/lib/process/singleton";
import { clientAddress, parseTrustProxy, resolveClientAddress, trackClientAddresses } from "./client-address";

describe("resolveClientAddress", () => {
  const forwarded = "203.0.113.9, 198.51.100.7, 10.0.0.2";

  it("believes no forwarded entry when no proxy is trusted", () => {
    expect(resolveClientAddress("192.0.2.1", forwarded, parseTrustProxy(undefined))).toBe("192.0.2.1");
    expect(resolveClientAddress("::ffff:192.0.2.1", undefined, parseTrustProxy("false"))).toBe("192.0.2.1");
    expect(resolveClientAddress(undefined, forwarded, parseTrustProxy(""))).toBe("unknown");
  });

  it("counts hops from the socket", () => {
    expect(resolveClientAddress("10.0.0.1", forwarded, parseTrustProxy("1"))).toBe("10.0.0.2");
    expect(resolveClientAddress("10.0.0.1", forwarded, parseTrustProxy("2"))).toBe("198.51.100.7");
    // More hops claimed than the chain holds: the leftmost entry, never past it.
    expect(resolveClientAddress("10.0.0.1", forwarded, parseTrustProxy("9"))).toBe("203.0.113.9");
    expect(resolveClientAddress("10.0.0.1", undefined, parseTrustProxy("1"))).toBe("10.0.0.1");
  });

  it("walks past trusted addresses and ranges, stopping at the first untrusted one", () => {
    expect(resolveClientAddress("10.0.0.1", forwarded, parseTrustProxy("private"))).toBe("198.51.100.7");
    expect(resolveClientAddress("10.0.0.1", forwarded, parseTrustProxy("10.0.0.0/8, 198.51.100.7"))).toBe("203.0.113.9");
    // A client that writes a trusted-looking address first gains nothing: the walk stops at it only from the right.
    expect(resolveClientAddress("127.0.0.1", "10.0.0.5, 203.0.113.9", parseTrustProxy("loopback, private"))).toBe("203.0.113.9");
    // The socket itself untrusted: it is the client, whatever it forwards.
    expect(resolveClientAddress("192.0.2.1", forwarded, parseTrustProxy("loopback"))).toBe("192.0.2.1");
    expect(resolveClientAddress("::1", "2001:db8::5", parseTrustProxy("loopback"))).toBe("2001:db8::5");
  });

  it("refuses a TRUST_PROXY it cannot read, naming the entry", () => {
    expect(() => parseTrustProxy("loopback, proxy.internal")).toThrow(/"proxy.internal"/);
    expect(() => parseTrustProxy("10.0.0.0/40")).toThrow(/prefix/);
  });
});

describe("trackClientAddresses", () => {
  let restore: (() => void) | undefined;
  afterEach(() => {
    restore?.();
    restore = undefined;
  });

  /** A server whose handler reads the address the way a route does, after an await. */
  async function serve(): Promise<{ url: string; close: () => Promise<void> }> {
    const server = http.createServer(async (req, res) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      const headers = new Headers({ "x-forwarded-for": String(req.headers["x-forwarded-for"] ?? "") });
      res.end(clientAddress(new Request("http://app/", { headers })));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
  }

  const addressSeen = async (url: string, forwardedFor?: string) =>
    (await fetch(url, { headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {} })).text();

  const untracked = () => replaceProcessSingleton("client-address", { installed: false, store: new AsyncLocalStorage<string>() });

  function track(policy: string) {
    const emit = http.Server.prototype.emit;
    untracked();
    trackClientAddresses(parseTrustProxy(policy));
    restore = () => {
      http.Server.prototype.emit = emit;
      untracked();
    };
  }

  it("without a trusted proxy, a client cannot choose its address by sending X-Forwarded-For", async () => {
    const server = await serve();
    try {
      // Before tracking (a handler called directly, as the integration tests do), the header is believed.
      expect(await addressSeen(server.url, "203.0.113.9")).toBe("203.0.113.9");
      track("");
      expect(await addressSeen(server.url, "203.0.113.9")).toBe("127.0.0.1");
      expect(await addressSeen(server.url)).toBe("127.0.0.1");
    } finally {
      await server.close();
    }
  });

  it("behind a trusted proxy, the address the proxy saw", async () => {
    track("loopback");
    const server = await serve();
    try {
      expect(await addressSeen(server.url, "6.6.6.6, 203.0.113.9")).toBe("203.0.113.9");
      expect(await addressSeen(server.url)).toBe("127.0.0.1");
    } finally {
      await server.close();
    }
  });

  it("a request with no resolved address under a tracking server shares one bucket, it does not pick its own", () => {
    track("");
    const headers = { "x-forwarded-for": "203.0.113.9" };
    expect(clientAddress(new Request("http://app/", { headers }))).toBe("unresolved");
  });
});
