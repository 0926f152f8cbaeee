import { describeKey } from '../../report/log-table.js';
import type { Log } from '../../report/log.js';
import type { OutputSink } from '../../report/outputs.js';
import { quoted } from '../../text.js';
import { code, paragraph, table, text } from '../../report/summary.js';
import { describeTarget } from '../../github/target.js';
import { newKeyNote, newKeyOutputs, tellNewKey } from '../new-key-report.js';
import type { CreateResult } from './run.js';
import type { CreateSettings } from './settings.js';

export function createOutputs(r: CreateResult, sink: OutputSink): void {
  newKeyOutputs(sink, r.key, r.created, r.secret);
}

/** Where a dry run would have stored the key, in words (nothing is asked of GitHub in a dry run). */
function wouldStore(settings: CreateSettings): string {
  return settings.secret === undefined ? '' : ` and stored as ${describeTarget(settings.secret)}`;
}

export function tellCreate(r: CreateResult, settings: CreateSettings, log: Log): void {
  const { key } = r;
  if (key === undefined) {
    log.info(
      `Dry run: nothing is created. A key named ${quoted(settings.name)} would be created in workspace '${r.workspace}'${wouldStore(settings)}.`
    );
    return;
  }
  if (!r.created) {
    log.info(
      `${settings.dryRun ? 'Dry run: nothing is created. ' : ''}Reused ${describeKey(key)} in workspace '${r.workspace}': ` +
        `an active key with this name exists and 'if-exists' is 'skip', so no new key was made and 'api-key' is empty.`
    );
    if (settings.secret === undefined && !settings.dryRun) {
      log.warning(
        `'api-key' is empty: 'if-exists: skip' reused key ${key.id}, whose secret SuprSend shows only once, when it is created. ` +
          `A step that needs the key must get it elsewhere: store keys with 'secret-name' when they are created, and read that secret.`,
        'The api-key output is empty'
      );
    }
    return;
  }
  tellNewKey(key, r.workspace, r.stored, log, r.checkedAt);
  if (settings.ephemeral) log.info('The post step will disable it when the job ends (ephemeral: true).');
}

export function createSummary(r: CreateResult, settings: CreateSettings): string {
  const { key } = r;
  if (key === undefined) {
    return [
      `### Dry run: SuprSend API key not created`,
      '',
      paragraph(`A key named ${text(settings.name)} would be created in ${text(r.workspace)}${text(wouldStore(settings))}.`),
      ''
    ].join('\n');
  }
  const title = r.created ? 'SuprSend API key created' : 'SuprSend API key reused';
  const ephemeral = r.created && settings.ephemeral ? ' Ephemeral: the post step disables it when the job ends.' : '';
  const note = r.created
    ? `${newKeyNote(r.stored)}${ephemeral}`
    : 'An active key with this name already existed (<code>if-exists: skip</code>): no new key, no secret; <code>api-key</code> is empty.';
  return [
    `### ${settings.dryRun ? 'Dry run: ' : ''}${title}`,
    '',
    table(['Workspace', 'Name', 'Key id', 'Masked key'], [[text(r.workspace), text(key.name), code(key.id), code(key.masked_api_key)]]),
    '',
    paragraph(note),
    ''
  ].join('\n');
}
