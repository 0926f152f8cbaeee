/** action.yml is the public contract: its names, defaults and descriptions are checked against the code. */
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import semver from 'semver';
import { parse } from 'yaml';
import { commandsOf, KEY_TYPES } from '../../src/commands/registry.js';
import { CONNECTION_INPUTS } from '../../src/inputs/connection.js';
import { INPUT_DEFAULTS } from '../../src/inputs/defaults.js';
import { INPUT_NAMES, OUTPUT_NAMES } from '../../src/names.js';
import { VERSION } from '../../src/version.js';

interface ActionYml {
  name: string;
  description: string;
  author: string;
  branding: { icon: string; color: string };
  inputs: Record<string, { description: string; required?: boolean; default?: string | number | boolean }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string; post?: string };
}
const action = parse(readFileSync('action.yml', 'utf8')) as ActionYml;
// Each command's report sets its outputs (a new key's through new-key-report.ts); main.ts sets 'workspaces' for every command.
const reports = [
  ...['create', 'list', 'delete', 'rotate'].map((c) => `src/commands/${c}/report.ts`),
  'src/commands/new-key-report.ts',
  'src/commands/outcome.ts',
  'src/commands/list/issue-report.ts',
  'src/commands/signing/report.ts',
  'src/commands/public/mint.ts',
  'src/commands/credential-outputs.ts'
]
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');

describe('action.yml', () => {
  it('runs the bundle on node24, main and post', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js', post: 'dist/post/index.js' });
    expect(action.name && action.description && action.author && action.branding.icon && action.branding.color).toBeTruthy();
  });

  it('describes every input and output', () => {
    for (const entry of [...Object.values(action.inputs), ...Object.values(action.outputs)])
      expect(entry.description.length).toBeGreaterThan(10);
  });

  it('declares the public input and output names', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(
      [
        'service-token',
        'workspace',
        'command',
        'name',
        'description',
        'base-url',
        'timeout-seconds',
        'retries',
        'key-id',
        'older-than-days',
        'keep',
        'dry-run',
        'if-exists',
        'ephemeral',
        'include-deleted',
        'max-age-days',
        'fail-on-stale',
        'summary',
        'secret-name',
        'secret-environment',
        'secret-repository',
        'secret-organization',
        'secret-visibility',
        'secret-repositories',
        'secret-type',
        'variable-name',
        'github-token',
        'grace-period',
        'verify-key',
        'hub-url',
        'issue',
        'issue-title',
        'key-type',
        'secret-format',
        'secure-mode'
      ].sort()
    );
    expect(Object.keys(action.outputs).sort()).toEqual(
      [
        'key-id',
        'api-key',
        'masked-api-key',
        'keys',
        'keys-file',
        'count',
        'created',
        'deleted-key-ids',
        'planned-key-ids',
        'stale-count',
        'stale-key-ids',
        'workspaces',
        'issue-number',
        'issue-url',
        'private-key',
        'private-key-base64',
        'public-key'
      ].sort()
    );
  });

  it("the code's one typed list of names (src/names.ts) is action.yml's, inputs and outputs", () => {
    expect([...INPUT_NAMES].sort()).toEqual(Object.keys(action.inputs).sort());
    expect([...OUTPUT_NAMES].sort()).toEqual(Object.keys(action.outputs).sort());
  });

  it('has the defaults the code applies', () => {
    const declared = Object.fromEntries(
      Object.entries(action.inputs).flatMap(([name, i]) => (i.default === undefined ? [] : [[name, String(i.default)]]))
    );
    expect(declared).toEqual(INPUT_DEFAULTS);
  });

  it("declares exactly the inputs the code reads: the connection's, 'command', 'key-type', 'summary', and each command's list", () => {
    const commands = KEY_TYPES.flatMap((kind) => Object.values(commandsOf(kind)));
    const read = new Set<string>([...CONNECTION_INPUTS, 'command', 'key-type', 'summary', ...commands.flatMap((c) => c.inputs)]);
    expect([...read].sort()).toEqual(Object.keys(action.inputs).sort());
  });

  it('declares only outputs a command sets', () => {
    for (const name of Object.keys(action.outputs)) expect(reports).toContain(`'${name}'`);
  });

  it('supports the Node the runner runs (node24): engines says so, and every production dependency admits it', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
    const major = /^node(\d+)$/.exec(action.runs.using)?.[1];
    expect(pkg.engines.node).toBe(`>=${major}`);
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
      packages: Record<string, { dev?: boolean; engines?: { node?: string } | string[] }>;
    };
    const production = Object.entries(lock.packages).filter(([path, p]) => path !== '' && p.dev !== true);
    expect(production.length).toBeGreaterThan(10);
    const refusing = production.flatMap(([path, p]) => {
      const range = Array.isArray(p.engines) ? undefined : p.engines?.node;
      return range === undefined || semver.satisfies(`${major}.0.0`, range) ? [] : [`${path} (${range})`];
    });
    expect(refusing).toEqual([]);
  });

  it('matches package.json version in the User-Agent', () => {
    expect(VERSION).toBe((JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version);
  });
});

describe('README tables (npm run docs)', () => {
  const check = (cwd: string) => spawnSync(process.execPath, [resolve('scripts/docs.mjs'), '--check'], { cwd, encoding: 'utf8' });

  it('match action.yml', () => {
    expect(check('.').status).toBe(0);
  });

  it('are caught when they drift', () => {
    const dir = mkdtempSync(join(tmpdir(), 'docs-'));
    writeFileSync(join(dir, 'README.md'), readFileSync('README.md', 'utf8'));
    writeFileSync(join(dir, 'action.yml'), readFileSync('action.yml', 'utf8'));
    expect(check(dir).status).toBe(0);
    writeFileSync(join(dir, 'action.yml'), readFileSync('action.yml', 'utf8').replace("default: '3'", "default: '5'"));
    const result = check(dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/run 'npm run docs'/);
  });
});

describe('release notes (scripts/release-notes.mjs, used by the release workflow)', () => {
  const notes = (version: string) => spawnSync(process.execPath, ['scripts/release-notes.mjs', version], { encoding: 'utf8' });

  it("CHANGELOG.md has a section for package.json's version", () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    const result = notes(`v${version}`);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/### Added/);
    expect(result.stdout).not.toMatch(/^## \[/m);
  });

  it('fails for a version without a section', () => {
    const result = notes('v0.0.9');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('no section for 0.0.9');
  });
});
