// Jest global setup of the end-to-end project: the tests run the committed dist/, so they
// refuse to run when dist/ was built from other sources than the tree's.
import { readFileSync } from 'node:fs';
import { sourceHash, STAMP } from '../scripts/source-hash.mjs';

export default function checkDist() {
  let built = '';
  try {
    built = readFileSync(STAMP, 'utf8').trim();
  } catch {
    // No stamp: treated as stale below.
  }
  if (built !== sourceHash()) {
    throw new Error(`dist/ was not built from these sources (${STAMP} differs): run 'npm run bundle' before the end-to-end tests.`);
  }
}
