/**
 * The keys file on disk (see `ArrayFile` in src/report/outputs.ts): each section is its own
 * file in a directory of its own under RUNNER_TEMP, appended to as pages come in; `save` copies
 * the sections, in order and a block at a time, into the one file the step hands on. No file is
 * held open between two calls, so any number of workspaces fits in a few descriptors (a runner
 * with `ulimit -n 256` lists thousands of workspaces).
 */
import { appendFileSync, closeSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArrayFile } from '../report/outputs.js';
import { writeRunnerFile } from './runner-files.js';

const COPY_BLOCK = 256 * 1024;

export function createArrayFile(env: Record<string, string | undefined>): ArrayFile {
  const io = <T>(write: () => T): T => writeRunnerFile('the keys file', 'RUNNER_TEMP', env, write);
  let dir: string | undefined;
  /** Each section's file, its size, and the size of each append (its leading comma included). */
  interface Section {
    path: string;
    bytes: number;
    appends: number[];
  }
  const sections = new Map<string, Section>();
  let saved: string | undefined;
  const directory = (): string => (dir ??= mkdtempSync(join(env.RUNNER_TEMP || tmpdir(), 'suprsend-')));

  const section = (name: string): Section => {
    let found = sections.get(name);
    if (found === undefined) {
      const path = join(directory(), `.section-${sections.size}`);
      found = { path, bytes: 0, appends: [] };
      sections.set(name, found);
    }
    return found;
  };
  const closeSections = (): void => {
    for (const part of sections.values()) rmSync(part.path, { force: true });
    sections.clear();
  };

  return {
    append: (name, values) => {
      io(() => {
        const target = section(name);
        const text = target.bytes === 0 ? values : `,${values}`;
        // Written as a string: no Buffer made for it on the way.
        appendFileSync(target.path, text);
        const written = Buffer.byteLength(text);
        target.bytes += written;
        target.appends.push(written);
      });
    },
    readBack: function* (name) {
      const part = sections.get(name);
      if (part === undefined) return;
      const fd = openSync(part.path, 'r');
      try {
        let position = 0;
        for (const length of part.appends) {
          const block = Buffer.allocUnsafe(length);
          readSync(fd, block, 0, length, position);
          const text = block.toString('utf8');
          yield position === 0 ? text : text.slice(1);
          position += length;
        }
      } finally {
        closeSync(fd);
      }
    },
    save: (name, order) =>
      io(() => {
        const path = join(directory(), name);
        const out = openSync(path, 'w');
        let bytes = 0;
        const write = (data: Buffer, length = data.length): void => {
          bytes += writeSync(out, data, 0, length);
        };
        try {
          const block = Buffer.alloc(COPY_BLOCK);
          let first = true;
          write(Buffer.from('['));
          for (const name of order) {
            const part = sections.get(name);
            if (part === undefined || part.bytes === 0) continue;
            if (!first) write(Buffer.from(','));
            first = false;
            const fd = openSync(part.path, 'r');
            try {
              for (let at = 0; at < part.bytes;) {
                const n = readSync(fd, block, 0, COPY_BLOCK, at);
                if (n === 0) throw new Error(`${part.path} ends at ${at} of the ${part.bytes} bytes written to it`);
                write(block, n);
                at += n;
              }
            } finally {
              closeSync(fd);
            }
          }
          write(Buffer.from(']'));
        } finally {
          closeSync(out);
        }
        closeSections();
        saved = path;
        return { path, bytes };
      }),
    read: () => (saved === undefined ? '' : readFileSync(saved, 'utf8')),
    discard: () => {
      closeSections();
      if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
      dir = undefined;
      saved = undefined;
    }
  };
}
