/** The rules for the fields several commands share: names, ids, descriptions, tokens. */
import { InputError } from '../errors.js';
import { isPathSegment } from '../suprsend/ids.js';
import { CONTROL_CHARS, CONTROL_CHARS_BUT_NEWLINES, list, type ReadInput } from './read.js';
import { quoted } from '../text.js';
import { secretParts } from '../secret-parts.js';

/** A token pasted with its header word ("ServiceToken st_…", "Bearer …", "token ghp_…"). */
const HEADER_WORD = /^(ServiceToken|Bearer|token)\s+\S/i;

/**
 * A token goes into an HTTP header: printable ASCII without spaces. Never shows the
 * value; the caller has masked it (every line of it) before asking.
 */
export function checkTokenShape(input: string, token: string): void {
  const word = HEADER_WORD.exec(token)?.[1];
  if (word !== undefined) {
    throw new InputError(
      input,
      `starts with "${word} ", the word that goes before a token in an Authorization header; the action adds it itself. Give the token alone: drop "${word} ".`
    );
  }
  if (!/^[\u0021-\u007e]+$/.test(token)) {
    throw new InputError(input, 'contains spaces, line breaks or characters outside printable ASCII; copy the token again without them.');
  }
}

/** Masks a credential as a whole and line by line (and without a header word pasted before it), so that even a malformed one never shows. */
export function maskCredential(value: string, mask: (secret: string) => void): void {
  for (const part of secretParts(value)) mask(part);
  if (HEADER_WORD.test(value)) mask(value.replace(/^\S+\s+/, '').trim());
}

export function keyName(read: ReadInput): string | undefined {
  const value = read('name');
  if (value === '') return undefined;
  if (CONTROL_CHARS.test(value)) {
    throw new InputError('name', `must be one line without control characters, got ${quoted(value)}.`);
  }
  return value;
}

export function description(read: ReadInput): string | undefined {
  const value = read('description');
  if (value === '') return undefined;
  if (CONTROL_CHARS_BUT_NEWLINES.test(value)) {
    throw new InputError('description', 'must not contain control characters other than line breaks and tabs.');
  }
  return value;
}

export function keyIdList(value: string): string[] {
  const ids = list(value);
  for (const id of ids) {
    if (!isPathSegment(id)) {
      throw new InputError(
        'key-id',
        `must be key ids such as ws_apik_1a2b3c (letters, digits, '-', '_'), separated by commas, spaces or new lines; ${quoted(id)} is not one.`
      );
    }
  }
  return ids;
}

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** 'grace-period': unset or 0 for none, else a whole number of minutes, hours or days (30m, 12h, 7d), at most a year. In ms. */
export function gracePeriod(read: ReadInput): number {
  const value = read('grace-period');
  if (value === '' || value === '0') return 0;
  const [, amount, unit] = /^(\d{1,6})([mhd])$/.exec(value) ?? [];
  const ms = amount === undefined ? Number.NaN : Number(amount) * UNIT_MS[unit as keyof typeof UNIT_MS];
  if (!(ms >= 0 && ms <= 365 * UNIT_MS.d)) {
    throw new InputError(
      'grace-period',
      `must be a whole number of minutes, hours or days, such as 30m, 12h or 7d (at most 365d), or 0 for none, got ${quoted(value)}.`
    );
  }
  return ms;
}

/** A grace period in words: "7d", "12h", "30m". */
export function showDuration(ms: number): string {
  for (const unit of ['d', 'h', 'm'] as const) if (ms % UNIT_MS[unit] === 0) return `${ms / UNIT_MS[unit]}${unit}`;
  return `${Math.round(ms / 60_000)}m`;
}
