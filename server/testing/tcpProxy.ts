import type { Socket } from 'node:net';
import { connect, createServer } from 'node:net';

/**
 * A TCP proxy in front of the desk, for the fault tests: it passes bytes both ways until told
 * to cut every connection the moment the desk answers (the push committed, the laptop never
 * hears), or to stall (bytes are taken in and never passed on).
 */
export interface TcpProxy {
  url: string;
  /** Cut each connection as the desk's answer starts to come back (after letting `pass` answers through). */
  cutAnswers: (pass?: number) => void;
  /** Take bytes in both ways and pass none on. */
  stall: () => void;
  /** Pass everything again. */
  heal: () => void;
  /** How many answers were cut. */
  cut: () => number;
  close: () => Promise<void>;
}

export async function startTcpProxy(target: URL): Promise<TcpProxy> {
  let mode: 'pass' | 'cut' | 'stall' = 'pass';
  let cutCount = 0;
  let passLeft = 0;
  const sockets = new Set<Socket>();
  const server = createServer((laptop) => {
    const desk = connect(Number(target.port), target.hostname);
    // Whether the answer now coming back on this connection was let through (all of it passes).
    let passing = false;
    sockets.add(laptop);
    sockets.add(desk);
    const drop = () => {
      laptop.destroy();
      desk.destroy();
      sockets.delete(laptop);
      sockets.delete(desk);
    };
    laptop.on('data', (chunk) => {
      if (mode !== 'stall') desk.write(chunk);
    });
    desk.on('data', (chunk) => {
      if (mode === 'stall') return;
      if (mode === 'cut') {
        // A chunk that starts an answer: let it through while some are still to pass.
        const starts = chunk.subarray(0, 5).toString('latin1') === 'HTTP/';
        if (starts) {
          passing = passLeft > 0;
          if (passing) passLeft -= 1;
        }
        if (!passing) {
          cutCount += 1;
          return drop();
        }
      }
      laptop.write(chunk);
    });
    laptop.on('close', drop);
    desk.on('close', drop);
    laptop.on('error', drop);
    desk.on('error', drop);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    cutAnswers: (pass = 0) => {
      passLeft = pass;
      mode = 'cut';
    },
    stall: () => (mode = 'stall'),
    heal: () => (mode = 'pass'),
    cut: () => cutCount,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
