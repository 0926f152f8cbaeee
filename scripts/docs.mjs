#!/usr/bin/env node
// Writes the README's inputs and outputs tables from action.yml (between the
// <!-- inputs --> / <!-- outputs --> markers). `--check` fails instead when they differ.
import { readFileSync, writeFileSync } from 'node:fs';
import * as prettier from 'prettier';
import { parse } from 'yaml';

export function renderTables(actionYml) {
  const action = parse(actionYml);
  const esc = (text) => String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ').trim();
  const inputs = [
    '| Input | Default | Description |',
    '|---|---|---|',
    ...Object.entries(action.inputs).map(
      ([name, i]) =>
        `| \`${name}\`${i.required ? ' (required)' : ''} | ${i.default === undefined ? '' : `\`${esc(i.default)}\``} | ${esc(i.description)} |`
    )
  ].join('\n');
  const outputs = [
    '| Output | Description |',
    '|---|---|',
    ...Object.entries(action.outputs).map(([name, o]) => `| \`${name}\` | ${esc(o.description)} |`)
  ].join('\n');
  return { inputs, outputs };
}

export function updateReadme(readme, tables) {
  let out = readme;
  for (const [marker, table] of Object.entries(tables)) {
    const pattern = new RegExp(`(<!-- ${marker} -->)[\\s\\S]*?(<!-- /${marker} -->)`);
    if (!pattern.test(out)) throw new Error(`README.md has no <!-- ${marker} --> … <!-- /${marker} --> block`);
    out = out.replace(pattern, `$1\n${table}\n$2`);
  }
  return out;
}

/** The README with fresh tables, formatted as `npm run format` would leave it. */
export async function renderReadme(readme, actionYml) {
  const options = (await prettier.resolveConfig(new URL('../README.md', import.meta.url))) ?? {};
  return prettier.format(updateReadme(readme, renderTables(actionYml)), { ...options, parser: 'markdown' });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const readme = readFileSync('README.md', 'utf8');
  const next = await renderReadme(readme, readFileSync('action.yml', 'utf8'));
  if (process.argv.includes('--check')) {
    if (next !== readme) {
      console.error("README.md's inputs/outputs tables differ from action.yml: run 'npm run docs'.");
      process.exit(1);
    }
  } else {
    writeFileSync('README.md', next);
  }
}
