/**
 * The runner's entry for the post step (`runs.post`), which runs after every use of
 * the action. Only a step that created an ephemeral key left state for it, so with
 * none this ends at once, costing about a bare Node start. Otherwise it marks the
 * process as the post step and loads the main bundle, which then runs `post`.
 */
import { EPHEMERAL_KEY_STATE } from '../commands/create/ephemeral-state.js';
import { markPostStep } from './step.js';

if ((process.env[`STATE_${EPHEMERAL_KEY_STATE}`] ?? '') !== '') {
  markPostStep();
  // dist/post/index.js loads dist/index.js as it is at run time, not a second copy bundled in.
  const bundle = '../index.js';
  await import(/* webpackIgnore: true */ bundle);
}
