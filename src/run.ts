/**
 * Wires the real world into `main` or `post`: the runner's toolkit, HTTP, time.
 * `src/index.ts` calls `run()` for the runner; `npm run local-action` calls it too.
 */
import * as core from '@actions/core';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Deps } from './deps.js';
import { createTransport } from './http.js';
import { main } from './main.js';
import { post } from './post.js';
import { USER_AGENT } from './version.js';

/** Set by the main step; the runner hands it back to the post step as STATE_isPost. */
const IS_POST = 'isPost';

export async function run(): Promise<void> {
  const transport = createTransport(USER_AGENT);
  const deps: Deps = {
    core,
    env: process.env,
    transport,
    writeTempFile: (name, content) => {
      const path = join(mkdtempSync(join(process.env.RUNNER_TEMP || tmpdir(), 'suprsend-')), name);
      writeFileSync(path, content);
      return path;
    },
    writeSummary: async (markdown) => {
      if (!process.env.GITHUB_STEP_SUMMARY) {
        core.debug('GITHUB_STEP_SUMMARY is not set: no job summary written.');
        return;
      }
      await core.summary.addRaw(markdown, true).write();
    },
    now: () => new Date(),
    sleep: (ms) =>
      new Promise((resolve) => {
        setTimeout(resolve, ms);
      }),
    random: Math.random
  };
  try {
    if (core.getState(IS_POST) === 'true') {
      await post(deps);
    } else {
      core.saveState(IS_POST, 'true');
      await main(deps);
    }
  } finally {
    transport.close();
  }
}
