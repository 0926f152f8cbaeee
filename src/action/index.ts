/** The runner's entry for the main step (`runs.main`); the post step enters through `post-entry.ts`. */
import { setFailed } from '@actions/core';
import { describeError } from '../report/explain.js';
import { neutralize } from '../report/redact.js';
import { run } from './run.js';

// main and post turn every error into a message themselves; this catches what escapes
// the wiring around them, so that no path ends in a stack trace.
await run().catch((error: unknown) => {
  setFailed(neutralize(describeError(error)));
});
