import type { Log } from '../../report/log.js';
import type { OutputSink } from '../../report/outputs.js';
import { code, dateOf, paragraph, table, text } from '../../report/summary.js';
import type { DeleteResult } from './run.js';

export function deleteOutputs(r: DeleteResult, { setOutput }: OutputSink): void {
  setOutput('deleted-key-ids', JSON.stringify(r.disabled.map((k) => k.id)));
}

export function tellDelete(_r: DeleteResult, _log: Log): void {
  // The step log's lines come with the "Say what happened" work (issue 11).
}

export function deleteSummary(r: DeleteResult): string {
  const lines = [`### SuprSend API keys disabled in \`${r.workspace}\``, ''];
  const rows = [
    ...r.disabled.map((k) => ({ k, status: 'disabled now' })),
    ...r.alreadyDisabled.map((k) => ({ k, status: 'already disabled' })),
    ...r.kept.map((k) => ({ k, status: 'kept (newest)' }))
  ];
  lines.push(`${r.disabled.length} disabled, ${r.alreadyDisabled.length} already disabled, ${r.kept.length} kept.`, '');
  if (rows.length > 0) {
    lines.push(
      table(
        ['Name', 'Key id', 'Masked key', 'Created', 'Result'],
        rows.map(({ k, status }) => [text(k.name), code(k.id), code(k.masked_api_key), text(dateOf(k)), status])
      ),
      ''
    );
  }
  if (r.failure) lines.push(paragraph('<strong>Failed:</strong> ', ...r.failure.split('\n')), '');
  return lines.join('\n');
}
