/**
 * The one rule for anything that becomes a segment of a request path (a workspace
 * slug, a key id), whether a user typed it or a server sent it: letters, digits,
 * '-' and '_'. Such a value can never add a segment, climb with `..`, or start a
 * query, so it cannot steer a request to another workspace or endpoint.
 */
import { quoted } from '../text.js';

export const PATH_SEGMENT = /^[A-Za-z0-9_-]+$/;

export function isPathSegment(value: string): boolean {
  return PATH_SEGMENT.test(value);
}

/** An id inside a line of the action's own: as it is when it is one, quoted and escaped when it is not. */
export function showId(value: string): string {
  return isPathSegment(value) ? value : quoted(value);
}
