/**
 * The post step for `@github/local-action`, which imports an entry and calls its `run()`
 * (`npm run local-action` passes this file as `--post`). The runner itself starts
 * `dist/post/index.js` instead.
 */
import { run as runStep } from './run.js';

export function run(): Promise<void> {
  return runStep('post');
}
