import { describe, expect, it } from '@jest/globals';
import { Redactor } from '../../src/report/redact.js';

describe('Redactor', () => {
  it('removes known secrets, longest first, and any full SuprSend key', () => {
    const r = new Redactor();
    r.add('tok_abcdef');
    r.add('tok_abcdef_longer');
    r.add('abc'); // too short to redact safely: ignored
    const key = 'SS.0123456789abcdefghijklmnopqrstuv';
    expect(r.redact(`a tok_abcdef_longer b tok_abcdef c ${key} abc SS.XXXXXXX*****`)).toBe('a *** b *** c *** abc SS.XXXXXXX*****');
  });
});
