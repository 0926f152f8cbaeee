/** Loads the real undici (see index.js); the other exports work only after it resolves. */
export function preload(): Promise<unknown>;
