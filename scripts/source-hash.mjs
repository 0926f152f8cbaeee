#!/usr/bin/env node
// A hash of everything `npm run bundle` reads: src/, the tools bundled into dist/demo, the build scripts,
// package.json, the lockfile and tsconfig.json. The bundle writes it to dist/source-hash.txt;
// the end-to-end tests refuse to run when it differs from the tree's (a dist/ that
// `npm run bundle` would change). `.ci/run` still rebuilds and compares dist/ byte for byte.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const INPUTS = [
  'src',
  'tools/demo.ts',
  'tools/mock-server.ts',
  'tools/run-action.ts',
  'tools/action-defaults.ts',
  'scripts/minify-chunks.mjs',
  'package.json',
  'package-lock.json',
  'tsconfig.json'
];
export const STAMP = 'dist/source-hash.txt';

function files(path) {
  try {
    return readdirSync(path, { withFileTypes: true }).flatMap((entry) => files(join(path, entry.name)));
  } catch {
    return [path];
  }
}

export function sourceHash(root = '.') {
  const hash = createHash('sha256');
  const all = INPUTS.flatMap((input) => files(join(root, input))).map((file) => relative(root, file).split('\\').join('/'));
  for (const file of all.sort()) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(join(root, file), 'utf8').replace(/\r\n/g, '\n'));
    hash.update('\0');
  }
  return hash.digest('hex');
}

if (import.meta.url === `file://${process.argv[1]}` && process.argv[2] === '--write') {
  writeFileSync(STAMP, `${sourceHash()}\n`);
}
