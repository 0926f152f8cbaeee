/** How the built-in mock writes an answer: whole, or a few bytes at a time (a server that trickles). */
import type * as http from 'node:http';

export function send(res: http.ServerResponse, answer: { status: number; body?: unknown }): void {
  if (answer.body === undefined) {
    res.writeHead(answer.status);
    res.end();
    return;
  }
  const text = JSON.stringify(answer.body);
  res.writeHead(answer.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export function trickle(res: http.ServerResponse, body: string, intervalMs: number): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  let i = 0;
  const timer = setInterval(() => {
    if (res.destroyed || i >= body.length) {
      clearInterval(timer);
      if (!res.destroyed) res.end();
      return;
    }
    res.write(body.slice(i, i + 4));
    i += 4;
  }, intervalMs);
  res.on('close', () => {
    clearInterval(timer);
  });
}
