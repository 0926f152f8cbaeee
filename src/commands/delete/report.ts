import { quoted } from '../../text.js';
import { caseHint, describeKey } from '../../report/log-table.js';
import { tellLines, type Log } from '../../report/log.js';
import type { OutputSink } from '../../report/outputs.js';
import { code, dateOf, paragraph, table, text } from '../../report/summary.js';
import { disableOutcomes, type Outcome } from '../disable.js';
import type { DeleteResult } from './run.js';
import type { Selection } from './settings.js';

/** The ids disabled and planned, across the workspaces acted on (one, for a single workspace). */
export function deleteOutputs(results: readonly DeleteResult[], { setOutput }: OutputSink): void {
  setOutput('deleted-key-ids', JSON.stringify(results.flatMap((r) => r.disabled.map((k) => k.id))));
  setOutput('planned-key-ids', JSON.stringify(results.flatMap((r) => r.planned.map((k) => k.id))));
}

function describeSelection(selection: Selection): string {
  if (selection.by === 'id') return `with ${selection.keyIds.length === 1 ? 'id' : 'ids'} ${selection.keyIds.join(', ')}`;
  const { name, olderThanDays, keep } = selection;
  const named = name === undefined ? [] : [`named ${quoted(name)}`];
  const old = olderThanDays === undefined ? [] : [`older than ${olderThanDays} days`];
  const keeping = keep > 0 ? `, keeping the newest ${keep} of each name` : '';
  const parts = ['active', ...named, ...old];
  const last = parts.pop() ?? '';
  return `that are ${parts.length > 0 ? `${parts.join(', ')} and ${last}` : last}${keeping}`;
}

/** What happened to each key; keys of unknown age last. */
function outcomes(r: DeleteResult): Outcome[] {
  return [
    ...disableOutcomes(r),
    ...r.undated.map((key) => ({
      key,
      log: 'not disabled: no readable created_at, so its age is unknown',
      cell: 'not disabled (age unknown)'
    }))
  ];
}

function countLine(r: DeleteResult): string {
  const parts = [
    r.dryRun ? `${r.planned.length} would be disabled` : `${r.disabled.length} disabled`,
    ...(r.failed.length > 0 ? [`${r.failed.length} failed`] : []),
    `${r.alreadyDisabled.length} already disabled`,
    `${r.kept.length} kept`,
    ...(r.undated.length > 0 ? [`${r.undated.length} of unknown age not disabled`] : [])
  ];
  return `${parts.join(', ')}.`;
}

/** A first line that says what was selected (and "Dry run" when it is one), a line per key, then the counts. */
export function tellDelete(r: DeleteResult, log: Log): void {
  const what = `the keys in workspace '${r.workspace}' ${describeSelection(r.selection)}`;
  log.info(r.dryRun ? `Dry run: nothing is disabled. Selecting ${what}.` : `Disabling ${what}.`);
  const lines = outcomes(r).map(({ key, log: happened }) => `${capitalize(describeKey(key))}: ${happened}.`);
  if (lines.length === 0) log.info('No key matched.');
  if (r.planned.length === 0 && r.otherCase.length > 0 && r.selection.by === 'filter') {
    log.warning(caseHint(r.selection.name ?? '', r.workspace, r.otherCase), 'A name that differs only in case');
  }
  tellLines(log, `${lines.length} keys`, lines);
  log.info(countLine(r));
}

export function deleteSummary(r: DeleteResult, heading = '###'): string {
  const title = r.dryRun
    ? `Dry run: SuprSend API keys that would be disabled in \`${r.workspace}\``
    : `SuprSend API keys disabled in \`${r.workspace}\``;
  const lines = [`${heading} ${title}`, '', countLine(r), ''];
  const rows = outcomes(r).map(({ key, cell }) => [text(key.name), code(key.id), code(key.masked_api_key), text(dateOf(key)), text(cell)]);
  if (rows.length > 0) lines.push(table(['Name', 'Key id', 'Masked key', 'Created', 'Result'], rows), '');
  if (r.failure) lines.push(paragraph('<strong>Failed:</strong> ', ...r.failure.split('\n')), '');
  return lines.join('\n');
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
