import { caseHint, describeKey } from '../../report/log-table.js';
import { tellLines, type Log } from '../../report/log.js';
import type { OutputSink } from '../../report/outputs.js';
import { quoted } from '../../text.js';
import { code, dateOf, paragraph, table, text } from '../../report/summary.js';
import { newKeyNote, newKeyOutputs, tellNewKey } from '../new-key-report.js';
import { disableOutcomes, type Disabled, type Outcome } from '../disable.js';
import type { RotateResult } from './run.js';

export function rotateOutputs(r: RotateResult, sink: OutputSink): void {
  const { setOutput } = sink;
  newKeyOutputs(sink, r.created?.key, r.created !== undefined, r.created?.secret);
  setOutput('planned-key-ids', JSON.stringify(r.planned.map((k) => k.id)));
}

/** Written once the older keys were dealt with. */
export function rotateFinalOutputs(r: RotateResult, { setOutput }: OutputSink): void {
  setOutput('deleted-key-ids', JSON.stringify((r.done?.disabled ?? []).map((k) => k.id)));
}

/**
 * Where the rotation got to with the older keys, from one signal each: a dry run planned them; a
 * real run disabled them (`done`), or stopped before touching any (the new key's still-active check).
 */
function olderStage(r: RotateResult): { stage: 'planned' } | { stage: 'stopped' } | { stage: 'done'; done: Disabled } {
  if (r.dryRun) return { stage: 'planned' };
  return r.done === undefined ? { stage: 'stopped' } : { stage: 'done', done: r.done };
}

/** What happened to each older key. */
function olderOutcomes(r: RotateResult): Outcome[] {
  const older = olderStage(r);
  if (older.stage === 'stopped') {
    return [
      ...r.planned.map((key) => ({ key, log: 'not disabled: the rotation stopped before disabling older keys', cell: 'not disabled' })),
      ...disableOutcomes({ dryRun: false, planned: [], disabled: [], failed: [], alreadyDisabled: [], kept: r.kept })
    ];
  }
  const done = older.stage === 'done' ? older.done : undefined;
  return disableOutcomes({
    dryRun: older.stage === 'planned',
    planned: r.planned,
    disabled: done?.disabled ?? [],
    failed: done?.failed ?? [],
    alreadyDisabled: done?.alreadyDisabled ?? [],
    kept: r.kept
  });
}

function countLine(r: RotateResult): string {
  const older = olderStage(r);
  const counted =
    older.stage === 'planned'
      ? `${r.planned.length} older would be disabled`
      : older.stage === 'stopped'
        ? 'no older key disabled'
        : `${older.done.disabled.length} older disabled${older.done.failed.length > 0 ? `, ${older.done.failed.length} failed` : ''}${older.done.alreadyDisabled.length > 0 ? `, ${older.done.alreadyDisabled.length} already disabled` : ''}`;
  return `${r.dryRun ? 'A new key would be created' : '1 new key'}, ${counted}, ${r.kept.length} older kept.`;
}

export function tellRotate(r: RotateResult, log: Log): void {
  if (r.otherCase.length > 0) log.warning(caseHint(r.name, r.workspace, r.otherCase), 'A name that differs only in case');
  const what = `the keys named ${quoted(r.name)} in workspace '${r.workspace}'`;
  if (r.dryRun || r.created === undefined) {
    log.info(
      `Dry run: nothing is created or disabled. Rotating ${what}: a new key would be created and stored, then the older keys below disabled.`
    );
  } else {
    tellNewKey(r.created.key, r.workspace, r.stored, log, r.checkedAt);
  }
  const lines = olderOutcomes(r).map(({ key, log: happened }) => `Older key ${describeKey(key).slice('key '.length)}: ${happened}.`);
  tellLines(log, `${lines.length} older keys`, lines);
  log.info(countLine(r));
}

export function rotateSummary(r: RotateResult): string {
  const title = r.dryRun
    ? `Dry run: rotation of SuprSend API keys in \`${r.workspace}\``
    : `SuprSend API key rotated in \`${r.workspace}\``;
  const lines = [`### ${title}`, '', countLine(r), ''];
  const key = r.created?.key;
  if (key !== undefined) {
    lines.push(table(['New key', 'Key id', 'Masked key'], [[text(key.name), code(key.id), code(key.masked_api_key)]]), '');
    lines.push(paragraph(newKeyNote(r.stored)), '');
  }
  const rows = olderOutcomes(r).map(({ key: k, cell }) => [text(k.name), code(k.id), code(k.masked_api_key), text(dateOf(k)), text(cell)]);
  if (rows.length > 0) lines.push(table(['Older key', 'Key id', 'Masked key', 'Created', 'Result'], rows), '');
  if (r.failure) lines.push(paragraph('<strong>Failed:</strong> ', ...r.failure.split('\n')), '');
  return lines.join('\n');
}
