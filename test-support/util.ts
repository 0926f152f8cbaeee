/** Small helpers the tests share: time, files, loopback ports. */
import { readdirSync } from 'node:fs';
import type { AddressInfo, Server } from 'node:net';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { DAY_MS } from '../src/suprsend/keys.js';

export const DAY = DAY_MS;

/** An ISO time `ms` milliseconds ago. */
export const ago = (ms: number): string => new Date(Date.now() - ms).toISOString();

/** Every file below `dir`, recursively. */
export function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

/** Starts `server` on 127.0.0.1 at a free port, and returns the port. */
export async function listenOnLoopback(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** A loopback port with nothing listening (free a moment ago). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await listenOnLoopback(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}
