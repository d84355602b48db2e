// A client that sends its request headers a few bytes at a time and never finishes them, the
// way a slowloris holds a server's sockets; it reports when the server closes on it.
import { connect } from "node:net";

export interface SlowClientResult {
  /** Whether the server closed the connection before `giveUpMs`. */
  closed: boolean;
  /** What the server wrote before closing (Node answers 408 to a timed-out request). */
  received: string;
}

/**
 * Opens a connection to `port` and trickles header lines every `everyMs` until the server closes
 * it or `giveUpMs` passes.
 *
 * @example expect((await slowHeaders(port, { everyMs: 100, giveUpMs: 20_000 })).closed).toBe(true);
 */
export function slowHeaders(port: number, { everyMs, giveUpMs, host = "127.0.0.1:" + port }: { everyMs: number; giveUpMs: number; host?: string }): Promise<SlowClientResult> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    let received = "";
    let line = 0;
    let ticker: NodeJS.Timeout | undefined;
    const giveUp = setTimeout(() => finish(false), giveUpMs);
    function finish(closed: boolean) {
      clearTimeout(giveUp);
      clearInterval(ticker);
      socket.destroy();
      resolve({ closed, received });
    }
    socket.on("data", (d) => (received += d.toString("latin1")));
    socket.on("close", () => finish(true));
    socket.on("error", () => {});
    socket.on("connect", () => {
      socket.write(`GET / HTTP/1.1\r\nHost: ${host}\r\n`);
      ticker = setInterval(() => {
        if (socket.writable) socket.write(`X-Slow-${line++}: ${"a".repeat(8)}\r\n`);
      }, everyMs);
    });
  });
}
