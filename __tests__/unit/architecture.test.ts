/**
 * The layout is the architecture: src/'s folders are layers, and a module imports only
 * from its own layer or those below it. Also: the post step never loads the main step,
 * nothing in src/ reaches into tools or tests, and no file is too long to read in one sitting.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { files } from '../../test-support/util.js';

/** Lowest first. Root files (errors.ts, version.ts) are the base every layer may use. */
const LAYERS = ['(base)', 'net', 'suprsend', 'inputs', 'github', 'report', 'commands', 'action'];
const MAX_LINES = 300;

const SRC = resolve('src');
const sources = files(SRC).filter((f) => f.endsWith('.ts'));

/** Relative imports of a file (static and dynamic), resolved to .ts paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((m) => m[1]!);
  return specifiers.map((s) => resolve(dirname(file), s.replace(/\.js$/, '.ts')));
}

function layerOf(file: string): string {
  const parts = relative(SRC, file).split('/');
  return parts.length === 1 ? '(base)' : parts[0]!;
}

describe('architecture', () => {
  it('every folder of src/ is a known layer', () => {
    expect([...new Set(sources.map(layerOf))].sort()).toEqual([...LAYERS].sort());
  });

  it('no module imports from a layer above its own', () => {
    const upward = sources.flatMap((file) =>
      importsOf(file)
        .filter((target) => target.startsWith(SRC) && LAYERS.indexOf(layerOf(target)) > LAYERS.indexOf(layerOf(file)))
        .map((target) => `${relative(SRC, file)} -> ${relative(SRC, target)}`)
    );
    expect(upward).toEqual([]);
  });

  it('a positive control: the check sees an upward import when there is one', () => {
    expect(importsOf(join(SRC, 'action/main.ts')).some((t) => layerOf(t) === 'commands')).toBe(true);
    expect(LAYERS.indexOf('commands')).toBeLessThan(LAYERS.indexOf('action'));
  });

  it('src/ never imports tools or test support', () => {
    const outside = sources.flatMap((f) =>
      importsOf(f)
        .filter((t) => !t.startsWith(SRC))
        .map((t) => `${relative(SRC, f)} -> ${t}`)
    );
    expect(outside).toEqual([]);
  });

  it('the post step does not load the main step, not even through another module', () => {
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      importsOf(file).forEach(visit);
    };
    visit(join(SRC, 'action/post.ts'));
    expect(seen.has(join(SRC, 'action/main.ts'))).toBe(false);
    expect(seen.has(join(SRC, 'suprsend/client.ts'))).toBe(true);
  });

  it('the post entry loads nothing but its step marker and the state key', () => {
    expect(importsOf(join(SRC, 'action/post-entry.ts')).map((t) => relative(SRC, t))).toEqual([
      'commands/create/ephemeral-state.ts',
      'action/step.ts'
    ]);
    for (const tiny of ['commands/create/ephemeral-state.ts', 'action/step.ts']) expect(importsOf(join(SRC, tiny))).toEqual([]);
  });

  it(`no file in src/, tools/, test-support/, scripts/ or __tests__/ is over ${MAX_LINES} lines`, () => {
    const long = ['src', 'tools', 'test-support', 'scripts', '__tests__']
      .flatMap((dir) => files(resolve(dir)))
      .filter((f) => /\.(ts|mjs|js)$/.test(f))
      .map((f) => [relative('.', f), readFileSync(f, 'utf8').split('\n').length] as const)
      .filter(([, lines]) => lines > MAX_LINES);
    expect(long).toEqual([]);
  });
});
