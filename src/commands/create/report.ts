import { describeKey } from '../../report/log-table.js';
import type { Log } from '../../report/log.js';
import type { OutputSink } from '../../report/outputs.js';
import { code, paragraph, table, text } from '../../report/summary.js';
import { newKeyNote, newKeyOutputs, tellNewKey } from '../new-key-report.js';
import type { CreateResult } from './run.js';
import type { CreateSettings } from './settings.js';

export function createOutputs(r: CreateResult, sink: OutputSink): void {
  newKeyOutputs(sink, r.key, r.created, r.secret);
}

export function tellCreate(r: CreateResult, settings: CreateSettings, log: Log): void {
  if (!r.created) {
    log.info(
      `Reused ${describeKey(r.key)} in workspace '${r.workspace}': an active key with this name exists and 'if-exists' is 'skip', ` +
        `so no new key was made and 'api-key' is empty.`
    );
    if (settings.ephemeral) log.info('Nothing will be disabled when the job ends: ephemeral applies only to a key this step creates.');
    return;
  }
  tellNewKey(r.key, r.workspace, r.stored, log);
  if (settings.ephemeral) log.info('The post step will disable it when the job ends (ephemeral: true).');
}

export function createSummary(r: CreateResult, settings: Pick<CreateSettings, 'ephemeral'>): string {
  const title = r.created ? 'SuprSend API key created' : 'SuprSend API key reused';
  const ephemeral = r.created && settings.ephemeral ? ' Ephemeral: the post step disables it when the job ends.' : '';
  const note = r.created
    ? `${newKeyNote(r.stored)}${ephemeral}`
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
