/** action.yml against GitHub's own action metadata schema, as it ships in @actions/workflow-parser. */
import { describe, expect, it } from '@jest/globals';
import { NoOperationTraceWriter } from '@actions/workflow-parser';
import { parseAction } from '@actions/workflow-parser/actions/action-parser';
import { readFileSync } from 'node:fs';

function schemaErrors(content: string): string[] {
  const result = parseAction({ name: 'action.yml', content }, new NoOperationTraceWriter());
  return result.context.errors.getErrors().map((e) => e.message);
}

describe("action.yml against GitHub's action schema", () => {
  const action = readFileSync('action.yml', 'utf8');

  it('has no errors', () => {
    expect(schemaErrors(action)).toEqual([]);
  });

  it('would catch a wrong branding icon, key or runtime', () => {
    expect(schemaErrors(action.replace(/icon: \S+/, 'icon: key')).join('\n')).toMatch(/key/);
    expect(schemaErrors(action.replace('using: node24', 'using: node99')).join('\n')).toMatch(/node99/);
    expect(schemaErrors(`${action}\nbrandng:\n  color: blue\n`).join('\n')).toMatch(/brandng/);
  });
});
