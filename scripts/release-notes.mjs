#!/usr/bin/env node
// Prints the CHANGELOG.md section of a version (`node scripts/release-notes.mjs 1.2.3`),
// for the release workflow's draft. Exits 1 when CHANGELOG.md has no such section.
import { readFileSync } from 'node:fs';

export function releaseNotes(changelog, version) {
  const lines = changelog.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`## [${version}]`));
  if (start === -1) return undefined;
  const next = lines.findIndex((line, i) => i > start && line.startsWith('## ['));
  const body = lines
    .slice(start + 1, next === -1 ? undefined : next)
    .join('\n')
    .trim();
  return body === '' ? undefined : body;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const version = (process.argv[2] ?? '').replace(/^v/, '');
  const notes = releaseNotes(readFileSync('CHANGELOG.md', 'utf8'), version);
  if (notes === undefined) {
    console.error(`CHANGELOG.md has no section for ${version || '(no version given)'}.`);
    process.exit(1);
  }
  console.log(notes);
}
