/**
 * What the main step hands the post step, and how the bundle knows which step it is.
 * Imported by the tiny post entry too, so it imports nothing.
 */

/** State the post step reads: the id of a key to disable when the job ends. */
export const EPHEMERAL_KEY_STATE = 'ephemeral-key-id';

/** Set by `dist/post/index.js` before it loads the bundle: the runner started the post step. */
const POST_MARK = Symbol.for('suprsend-key-action.post-step');

export type Step = 'main' | 'post';

export function markPostStep(): void {
  (globalThis as Record<symbol, unknown>)[POST_MARK] = true;
}

export function currentStep(): Step {
  return (globalThis as Record<symbol, unknown>)[POST_MARK] === true ? 'post' : 'main';
}
