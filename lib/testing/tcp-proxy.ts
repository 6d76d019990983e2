// A TCP proxy a test puts between the app and a real server, to cut and restore the connection
// the way a restart or a network fault does, without touching the shared server itself.
import { createServer, connect, type Socket } from "node:net";

/**
 * - `up`: bytes flow both ways.
 * - `down`: open connections are reset and new ones are reset at once (the server restarting).
 * - `blackhole`: new connections are accepted and never answered (a host that vanished).
 */
export type ProxyMode = "up" | "down" | "blackhole";

export interface TcpProxy {
  port: number;
  set(mode: ProxyMode): void;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let mode: ProxyMode = "up";
  const open = new Set<Socket>();
  const track = (socket: Socket) => {
    open.add(socket);
    socket.on("close", () => open.delete(socket));
    socket.on("error", () => socket.destroy());
  };
  const server = createServer((client) => {
    track(client);
    if (mode === "down") return client.resetAndDestroy();
    if (mode === "blackhole") return;
    const upstream = connect(target);
    track(upstream);
    client.pipe(upstream).pipe(client);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("proxy has no port");
  return {
    port: address.port,
    set(next) {
      mode = next;
      if (next !== "up") for (const socket of open) socket.resetAndDestroy();
    },
    async close() {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
