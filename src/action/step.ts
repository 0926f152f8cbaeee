/** How the bundle knows which step the runner started. Imported by the tiny post entry, so it imports nothing. */

/** Set by `dist/post/index.js` before it loads the bundle: the runner started the post step. */
const POST_MARK = Symbol.for('suprsend-key-action.post-step');

export type Step = 'main' | 'post';

export function markPostStep(): void {
  (globalThis as Record<symbol, unknown>)[POST_MARK] = true;
}

export function currentStep(): Step {
  return (globalThis as Record<symbol, unknown>)[POST_MARK] === true ? 'post' : 'main';
}
