import type { Log } from '../../report/log.js';
import type { OutputSink } from '../../report/outputs.js';
import { code, paragraph, table, text } from '../../report/summary.js';
import type { CreateResult } from './run.js';

export function createOutputs(r: CreateResult, { setOutput }: OutputSink): void {
  setOutput('key-id', r.key.id);
  setOutput('masked-api-key', typeof r.key.masked_api_key === 'string' ? r.key.masked_api_key : '');
  setOutput('created', String(r.created));
  if (r.secret !== undefined) setOutput('api-key', r.secret);
}

export function tellCreate(_r: CreateResult, _log: Log): void {
  // The step log's lines come with the "Say what happened" work (issue 11).
}

export function createSummary(r: CreateResult): string {
  const title = r.created ? 'SuprSend API key created' : 'SuprSend API key reused';
  const stored = r.storedAs === undefined ? '' : ` Stored as ${text(r.storedAs)}.`;
  const note = r.created
    ? `The secret is in the step output <code>api-key</code> (masked in logs).${stored}`
    : 'An active key with this name already existed (<code>if-exists: skip</code>): no new key, no secret.';
  return [
    `### ${title}`,
    '',
    table(
      ['Workspace', 'Name', 'Key id', 'Masked key'],
      [[text(r.workspace), text(r.key.name), code(r.key.id), code(r.key.masked_api_key)]]
    ),
    '',
    paragraph(note),
    ''
  ].join('\n');
}
