// Which address a request came from, for per-IP limits and the login lockout.
//
// Next hides the socket from route handlers and keeps a client-sent X-Forwarded-For as is (it
// only fills the header in when it is missing), so without help a client that talks to the app
// directly chooses its own address. The server therefore resolves each request's address once,
// where the socket is still in reach (the http server's "request" event), following
// `TRUST_PROXY`, and hands it to the route through an AsyncLocalStorage that follows the request
// into its handler.
//
// TRUST_PROXY:
//   unset / "false"  → no proxy: the socket's address, any X-Forwarded-For ignored;
//   "1", "2", …      → that many proxies in front: the address the outermost one saw;
//   a list of addresses, CIDRs and "loopback" / "private" (comma separated) → walk
//                      X-Forwarded-For from the right past those trusted hops.
import { AsyncLocalStorage } from "node:async_hooks";
import http from "node:http";
import { BlockList, isIP } from "node:net";
import { processSingleton } from "@/lib/process/singleton";

export type TrustProxy = { kind: "none" } | { kind: "hops"; hops: number } | { kind: "list"; trusted: BlockList };

const NAMED_RANGES: Record<string, string[]> = {
  loopback: ["127.0.0.0/8", "::1/128"],
  private: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"],
};

/** Parses TRUST_PROXY; throws with the offending entry so a typo stops the server at start. */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = value?.trim() ?? "";
  if (text === "" || text === "false" || text === "0") return { kind: "none" };
  if (/^\d+$/.test(text)) return { kind: "hops", hops: Number(text) };
  const trusted = new BlockList();
  for (const entry of text.split(",").map((part) => part.trim()).filter(Boolean)) {
    for (const range of NAMED_RANGES[entry] ?? [entry]) {
      const [address = "", prefix] = range.split("/");
      const family = isIP(address);
      if (family === 0) throw new Error(`TRUST_PROXY: "${entry}" is not an address, a CIDR, "loopback" or "private"`);
      const type = family === 6 ? "ipv6" : "ipv4";
      if (prefix === undefined) trusted.addAddress(address, type);
      else if (/^\d+$/.test(prefix) && Number(prefix) <= (family === 6 ? 128 : 32)) trusted.addSubnet(address, Number(prefix), type);
      else throw new Error(`TRUST_PROXY: "${entry}" has a bad prefix length`);
    }
  }
  return { kind: "list", trusted };
}

/** "::ffff:10.0.0.1" (an IPv4 client on a dual-stack socket) is 10.0.0.1. */
function normalise(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1]! : address;
}

function isTrusted(trusted: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && trusted.check(address, family === 6 ? "ipv6" : "ipv4");
}

/** The client's address: the socket's, or a forwarded entry that trusted proxies vouch for. */
export function resolveClientAddress(socketAddress: string | undefined, forwardedFor: string | undefined, policy: TrustProxy): string {
  const peer = normalise(socketAddress ?? "") || "unknown";
  if (policy.kind === "none") return peer;
  // Nearest hop last: [client, proxy 1, …, proxy n-1, socket peer].
  const chain = [
    ...(forwardedFor ?? "")
      .split(",")
      .map((entry) => normalise(entry.trim()))
      .filter(Boolean),
    peer,
  ];
  if (policy.kind === "hops") return chain[Math.max(0, chain.length - 1 - policy.hops)]!;
  let index = chain.length - 1;
  while (index > 0 && isTrusted(policy.trusted, chain[index]!)) index -= 1;
  return chain[index]!;
}

interface ClientAddressTracking {
  installed: boolean;
  store: AsyncLocalStorage<string>;
}

const tracking = () =>
  processSingleton<ClientAddressTracking>("client-address", () => ({ installed: false, store: new AsyncLocalStorage<string>() }));

/**
 * Resolves every incoming request's address from its socket from now on. Called first thing at
 * server start; idempotent. Wraps `http.Server.prototype.emit` because Next creates its server
 * before any app code runs and offers no hook of its own.
 */
export function trackClientAddresses(policy: TrustProxy): void {
  const state = tracking();
  if (state.installed) return;
  state.installed = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function emitWithClientAddress(this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event !== "request") return Reflect.apply(emit, this, [event, ...args]) as boolean;
    const req = args[0] as http.IncomingMessage;
    const forwarded = req.headers["x-forwarded-for"];
    const address = resolveClientAddress(req.socket.remoteAddress, Array.isArray(forwarded) ? forwarded.join(",") : forwarded, policy);
    // Anything after the app sees the same answer, including Auth.js and the request log.
    req.headers["x-forwarded-for"] = address;
    return state.store.run(address, () => Reflect.apply(emit, this, [event, ...args]) as boolean);
  };
}

/**
 * The address of the request being handled. Under a server that tracks addresses, the resolved
 * one; a request that arrived in the moment before tracking began shares the "unresolved"
 * bucket. With no tracking (tests calling handlers directly), the last X-Forwarded-For entry, as
 * a trusted proxy in front would have written it.
 */
export function clientAddress(req: Request): string {
  const state = tracking();
  const resolved = state.store.getStore();
  if (resolved !== undefined) return resolved;
  if (state.installed) return "unresolved";
  const forwarded = req.headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  return forwarded || "unknown";
}
