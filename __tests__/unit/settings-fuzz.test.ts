/** parseSettings over arbitrary input (property-based, fast-check): every value has a defined meaning or a named error. */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { InputError } from '../../src/errors.js';
import { parseSettings } from '../../src/commands/settings.js';

const base = { 'service-token': 'tok_abc123', workspace: 'staging', name: 'backend-prod' };

describe('parseSettings over arbitrary input (property-based)', () => {
  // Every input action.yml declares: a new input is fuzzed without touching this test.
  const INPUTS = Object.keys((parseYaml(readFileSync('action.yml', 'utf8')) as { inputs: Record<string, unknown> }).inputs);
  const oddNumbers = fc.constantFrom(
    '0',
    '-1',
    '2.5',
    '1e400',
    ' 10 ',
    '10',
    '1e1',
    '0x10',
    'NaN',
    'Infinity',
    '007',
    '3.',
    '.5',
    '１０',
    '',
    '1_000'
  );
  const oddText = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.constantFrom(
      '',
      ' ',
      '\t',
      'a\nb',
      '"quoted"',
      "it's",
      '../..',
      'a/b',
      '%2F',
      'x'.repeat(5000),
      'true',
      'FALSE',
      'create',
      'list',
      'delete'
    ),
    oddNumbers
  );
  // A valid baseline with up to four inputs replaced by odd values, so both outcomes are common.
  const anyInputs = fc
    .tuple(fc.constantFrom('create', 'list', 'delete'), fc.dictionary(fc.constantFrom(...INPUTS), oddText, { maxKeys: 4 }))
    .map(([command, odd]): Record<string, string> => ({ ...base, command, ...odd }));

  it('accepts with a defined meaning, or rejects naming the input, and never throws anything else', () => {
    const seen = { accepted: 0, rejected: 0 };
    fc.assert(
      fc.property(anyInputs, (inputs) => {
        let settings;
        try {
          settings = parseSettings(
            (name) => inputs[name] ?? '',
            { GITHUB_REPOSITORY: 'acme/shop' },
            () => undefined
          );
          seen.accepted++;
        } catch (error) {
          seen.rejected++;
          expect(error).toBeInstanceOf(InputError);
          const { input, message } = error as InputError;
          expect(INPUTS).toContain(input);
          expect(message.startsWith(`Input '${input}': `)).toBe(true);
          return;
        }
        const { connection, command, workspaces } = settings;
        // Nothing accepted can change the request path or carry a second credential.
        if (workspaces.kind === 'slugs') for (const slug of workspaces.slugs) expect(slug).toMatch(/^[A-Za-z0-9_-]+$/);
        if (command.command === 'create' || command.command === 'rotate')
          expect(workspaces).toMatchObject({ kind: 'slugs', slugs: [expect.any(String)] });
        expect(['http:', 'https:']).toContain(connection.baseUrl.protocol);
        expect(connection.baseUrl.username + connection.baseUrl.password + connection.baseUrl.search).toBe('');
        expect(connection.token).toMatch(/^[\x21-\x7e]+$/);
        // Numbers mean what they say.
        expect(Number.isInteger(connection.retries) && connection.retries >= 0 && connection.retries <= 10).toBe(true);
        expect(connection.timeoutMs > 0 && connection.timeoutMs <= 3_600_000).toBe(true);
        const retries = inputs.retries ?? '';
        expect(connection.retries).toBe(retries === '' ? 3 : Number(retries));
        if (command.command === 'delete' && 'selection' in command && command.selection.by === 'id') {
          for (const id of command.selection.keyIds) expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
        }
        if (command.command === 'delete' && 'selection' in command && command.selection.by === 'filter') {
          expect(Number.isInteger(command.selection.keep) && command.selection.keep >= 0).toBe(true);
          expect(command.selection.name !== undefined || command.selection.olderThanDays !== undefined).toBe(true);
        }
        if (command.command === 'list' && 'maxAgeDays' in command && command.maxAgeDays !== undefined)
          expect(command.maxAgeDays).toBeGreaterThan(0);
        if (command.command === 'create' && 'secret' in command && command.secret)
          expect(command.secret.name).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
      }),
      { numRuns: 3000 }
    );
    expect(seen.accepted).toBeGreaterThan(300);
    expect(seen.rejected).toBeGreaterThan(300);
  });

  it('numbers in odd spellings: exactly the plain decimal ones are accepted', () => {
    fc.assert(
      fc.property(oddNumbers, (value) => {
        const read = (name: string) => ({ ...base, retries: value })[name] ?? '';
        const accepted = value === '' || /^\d+$/.test(value);
        if (accepted && Number(value) <= 10) {
          expect(parseSettings(read, {}, () => undefined).connection.retries).toBe(value === '' ? 3 : Number(value));
        } else {
          expect(() => parseSettings(read, {}, () => undefined)).toThrow(/Input 'retries'/);
        }
      })
    );
  });
});
