/** The keys file on disk: sections filled in any order, joined in the order asked, nothing left behind. */
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createArrayFile } from '../../src/action/array-file.js';

const runnerTemp = (): string => mkdtempSync(join(tmpdir(), 'array-file-'));

describe('createArrayFile', () => {
  it('joins the sections in the order save names them, whatever order they were filled in', () => {
    const file = createArrayFile({ RUNNER_TEMP: runnerTemp() });
    file.append('b', '{"id":"b1"},{"id":"b2"}');
    file.append('a', '{"id":"a1"}');
    file.append('b', '{"id":"b3"}');
    file.append('failed', '{"id":"f1"}');
    file.append('a', '{"id":"a2"}');
    const saved = file.save('keys.json', ['a', 'empty', 'b']);
    const text = readFileSync(saved.path, 'utf8');
    expect(JSON.parse(text)).toEqual([{ id: 'a1' }, { id: 'a2' }, { id: 'b1' }, { id: 'b2' }, { id: 'b3' }]);
    expect(saved.bytes).toBe(statSync(saved.path).size);
    expect(file.read()).toBe(text);
    // The sections are gone, the dropped one included: only the file handed on is left.
    expect(readdirSync(dirname(saved.path))).toEqual(['keys.json']);
  });

  it('copies sections larger than its copy block whole', () => {
    const file = createArrayFile({ RUNNER_TEMP: runnerTemp() });
    const values = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ id: `k${i}`, pad: 'x'.repeat(200) }));
    for (let i = 0; i < values.length; i += 100) file.append('w', values.slice(i, i + 100).join(','));
    const saved = file.save('big.json', ['w']);
    expect(saved.bytes).toBeGreaterThan(512 * 1024);
    expect(readFileSync(saved.path, 'utf8')).toBe(`[${values.join(',')}]`);
  });

  it('saves an empty array when nothing was listed', () => {
    const file = createArrayFile({ RUNNER_TEMP: runnerTemp() });
    const saved = file.save('none.json', ['a']);
    expect(readFileSync(saved.path, 'utf8')).toBe('[]');
    expect(saved.bytes).toBe(2);
  });

  it('leaves nothing behind when discarded', () => {
    const temp = runnerTemp();
    const file = createArrayFile({ RUNNER_TEMP: temp });
    file.append('a', '{"id":"a1"}');
    expect(readdirSync(temp)).toHaveLength(1);
    file.discard();
    expect(readdirSync(temp)).toEqual([]);
  });

  it('names RUNNER_TEMP and its path when it cannot write there', () => {
    // A file where the directory should be: no directory can be made in it, whoever runs the test.
    const notADirectory = join(runnerTemp(), 'file');
    writeFileSync(notADirectory, '');
    const file = createArrayFile({ RUNNER_TEMP: notADirectory });
    expect(() => {
      file.append('a', '{}');
    }).toThrow(`Could not write the keys file to RUNNER_TEMP (${notADirectory}): ENOTDIR: not a directory`);
  });
});
