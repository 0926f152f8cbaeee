/**
 * Reading inputs: the primitives every field rule is built from. Pure: values come
 * through `ReadInput`, so it all tests without a runner. Every error names the input
 * and says what is allowed.
 */
import type { InputName } from '../names.js';
import { InputError } from '../errors.js';
import { quoted } from '../text.js';
import { INPUT_DEFAULTS, UNSET_MEANS } from './defaults.js';

/** Reads one input as `core.getInput` gives it (already trimmed); '' when unset. */
export type ReadInput = (name: InputName) => string;

export interface InputReader {
  /** The input, or its default (or what leaving it out means) when empty. */
  read: ReadInput;
  /**
   * Whether the user set the input: written in `with:`. For an input with a default in action.yml
   * (which the runner passes as if written), only a value other than the default counts.
   */
  isSet: (name: InputName) => boolean;
}

export function inputReader(raw: ReadInput): InputReader {
  return {
    read: (name) => raw(name) || (INPUT_DEFAULTS[name] ?? UNSET_MEANS[name] ?? ''),
    isSet: (name) => raw(name) !== '' && raw(name) !== INPUT_DEFAULTS[name]
  };
}

// Matching control characters is the point of these two.
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARS_BUT_NEWLINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

export function oneOf<T extends string>(read: ReadInput, input: InputName, allowed: readonly T[]): T {
  const value = read(input);
  if (!(allowed as readonly string[]).includes(value)) {
    throw new InputError(input, `must be one of ${allowed.map((a) => `'${a}'`).join(', ')}, got ${quoted(value)}.`);
  }
  return value as T;
}

export function boolean(read: ReadInput, input: InputName): boolean {
  const value = read(input);
  // The YAML 1.2 core schema spellings, as core.getBooleanInput accepts them.
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new InputError(input, `must be 'true' or 'false', got ${quoted(value)}.`);
}

export function integer(read: ReadInput, input: InputName, range: { max: number }): number {
  const value = read(input);
  if (!/^\d+$/.test(value) || Number(value) > range.max) {
    throw new InputError(input, `must be a whole number from 0 to ${range.max}, got ${quoted(value)}.`);
  }
  return Number(value);
}

export function decimal(read: ReadInput, input: InputName, range: { min: number; minExclusive: boolean; max: number }): number {
  const value = read(input);
  const n = Number(value);
  const inRange = range.minExclusive ? n > range.min : n >= range.min;
  if (!/^\d+(\.\d+)?$/.test(value) || !inRange || n > range.max) {
    const lowest = range.minExclusive ? `more than ${range.min}` : `from ${range.min}`;
    throw new InputError(
      input,
      `must be a number ${lowest} up to ${range.max} (digits and an optional decimal point, e.g. 30 or 2.5), got ${quoted(value)}.`
    );
  }
  return n;
}

/** A list input: items separated by commas, spaces or new lines, each named once. */
export function list(value: string): string[] {
  return [...new Set(value.split(/[\s,]+/).filter((item) => item !== ''))];
}
