/** What the GitHub end-to-end tests share: the inputs that store a key, and how they read the fakes afterwards. */
import { expect } from '@jest/globals';
import type { RunResult } from '../tools/run-action.js';
import type { Harness } from './e2e.js';
import { GITHUB_TEST_TOKEN, type FakeGitHub } from './fake-github.js';

/** A create (or, with `command`, a rotate) of key "backend" stored as repository secret SUPRSEND_API_KEY. */
export const STORE_SECRET = { name: 'backend', 'secret-name': 'SUPRSEND_API_KEY', 'github-token': GITHUB_TEST_TOKEN };

/** How many creates reached SuprSend. */
export const posts = (h: Harness): number => h.mock.requests.filter((r) => r.method === 'POST').length;

/** The active keys of workspace staging. */
export const liveKeys = (h: Harness): string[] => (h.mock.keys.get('staging') ?? []).filter((k) => !k.is_deleted).map((k) => k.id);

/** What reached the fake GitHub, as "METHOD /raw/path". */
export const calls = (gh: FakeGitHub): string[] => gh.requests.map((r) => `${r.method} ${r.rawPath}`);

/** No "Unexpected" error and no made-up HTTP 500 in what the step printed. */
export function expectPlainWords(r: RunResult): void {
  expect(r.stdout).not.toMatch(/Unexpected|HTTP 500 \(/);
}
