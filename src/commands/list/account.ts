/** `list` over several workspaces, or all of them: one report with the account's totals, stale keys first, then each workspace. */
import type { Log } from '../../report/log.js';
import { MAX_SUMMARY_BYTES, paragraph, table, text, code, dateOf, actor } from '../../report/summary.js';
import { failed, succeeded, workspacesFailure, type Part } from '../across.js';
import { countLine, listSummary, warnStale, type Annotation } from './report.js';
import { ROTATE_ADVICE, type ListResult } from './tally.js';
import type { ListSettings } from './settings.js';

/** Room for a workspace's table with a row or two: below it, the summary holds no table per workspace. */
const MIN_TABLE_BYTES = 2048;

function totals(parts: Part<ListResult>[], maxAgeDays: number | undefined): string {
  const ok = succeeded(parts).map((p) => p.result);
  const keys = ok.reduce((n, r) => n + r.count, 0);
  const stale = ok.reduce((n, r) => n + r.stale.length, 0);
  const bad = failed(parts).length;
  return (
    `${keys} ${keys === 1 ? 'key' : 'keys'} in ${ok.length} ${ok.length === 1 ? 'workspace' : 'workspaces'}` +
    (maxAgeDays === undefined ? '' : `, ${stale} stale (older than ${maxAgeDays} days)`) +
    (bad > 0 ? `; ${bad} ${bad === 1 ? 'workspace' : 'workspaces'} could not be read` : '')
  );
}

/** A line per workspace, then the totals; a warning per stale key, naming its workspace, after `first` (another kind's). */
export function tellAccount(
  parts: Part<ListResult>[],
  settings: ListSettings,
  log: Log,
  writesSummary: boolean,
  first: readonly Annotation[] = []
): void {
  for (const part of parts) {
    log.info(
      'result' in part
        ? `${countLine(part.result, `workspace '${part.workspace}'`)}.`
        : `Workspace '${part.workspace}' could not be read: ${part.error}`
    );
  }
  log.info(
    `In all: ${totals(parts, settings.maxAgeDays)}. ${writesSummary ? 'The job summary lists every key; the' : 'The'} keys-file output has them all.`
  );
  warnStale(
    succeeded(parts).map((p) => p.result),
    log,
    writesSummary,
    first
  );
}

/**
 * The summary, in the same shape for one workspace and for many: a title (the totals, under `heading`), the
 * overview (a row per workspace), the stale keys oldest first, then every workspace's full table
 * folded in `<details>`: what an on-call engineer reads first comes first.
 */
export function accountSummary(parts: Part<ListResult>[], settings: ListSettings, heading = '###'): string {
  const ok = succeeded(parts);
  const [only] = ok;
  // One workspace keeps the title it always had: its count line, named.
  const title =
    parts.length === 1 && only !== undefined ? countLine(only.result, `\`${only.workspace}\``) : totals(parts, settings.maxAgeDays);
  const lines = [`${heading} ${title}`, '', overview(parts, settings), ''];
  const stale = ok.flatMap(({ workspace, result }) => result.stale.map((s) => ({ workspace, ...s }))).sort((a, b) => b.ageDays - a.ageDays);
  if (stale.length > 0) {
    lines.push(
      '#### Stale keys, oldest first',
      '',
      table(
        ['Workspace', 'Name', 'Key id', 'Created', 'Created by'],
        stale.map(({ workspace, key, ageDays }) => [
          text(workspace),
          text(key.name),
          code(key.id),
          text(`${dateOf(key)} (${ageDays} days)`),
          text(actor(key))
        ])
      ),
      ''
    );
  }
  // Each workspace gets an equal share of what is left of GitHub's 1 MiB.
  const budget = Math.floor((MAX_SUMMARY_BYTES - Buffer.byteLength(lines.join('\n'))) / Math.max(1, parts.length));
  // Too many workspaces for a table each within 1 MiB: one line says where every key is, rather than empty tables.
  const tables = budget >= MIN_TABLE_BYTES;
  if (!tables && ok.length > 0) {
    lines.push(
      paragraph(
        '',
        `No table per workspace: ${parts.length} workspaces leave too little of a job summary's 1 MiB for one each. ` +
          "The overview above has every workspace; the 'keys-file' output has every key."
      ),
      ''
    );
  }
  // Every workspace's full table, folded: the overview and the stale keys are what an on-call engineer reads first.
  for (const part of parts) {
    if (!tables && 'result' in part) continue;
    if ('result' in part)
      lines.push(
        `<details><summary>${text(part.workspace)}: every key</summary>`,
        '',
        listSummary(part.result, '####', budget),
        '</details>',
        ''
      );
    else lines.push(`#### \`${part.workspace}\`: could not be read`, '', paragraph('', part.error), '');
  }
  return lines.join('\n');
}

/** Failed workspaces, and (with fail-on-stale) stale keys from every workspace: one message. */
export function accountFailure(parts: Part<ListResult>[], settings: ListSettings): string | undefined {
  // Counts per workspace, not every id: the ids are in 'stale-key-ids', the warnings and the summary.
  const perWorkspace = succeeded(parts)
    .filter(({ result }) => result.stale.length > 0)
    .map(({ workspace, result }) => `${workspace}: ${result.stale.length}`);
  const stale = succeeded(parts).reduce((n, { result }) => n + result.stale.length, 0);
  const messages = [
    workspacesFailure(parts),
    settings.failOnStale && stale > 0
      ? `${stale} ${stale === 1 ? 'key is' : 'keys are'} older than ${settings.maxAgeDays} days (${perWorkspace.join(', ')}); ` +
        `the 'stale-key-ids' output and the job summary list them, oldest first. ${ROTATE_ADVICE}`
      : undefined
  ].filter((m): m is string => m !== undefined);
  return messages.length === 0 ? undefined : messages.join('\n');
}

/** One row per workspace: how it stands (keys, stale, oldest age), or that it could not be read and why. */
function overview(parts: Part<ListResult>[], settings: ListSettings): string {
  const rows = parts.map((part) =>
    'result' in part
      ? [
          text(part.workspace),
          String(part.result.count),
          settings.maxAgeDays === undefined ? '' : String(part.result.stale.length),
          part.result.oldestDays === undefined ? '' : `${part.result.oldestDays} days`,
          'listed'
        ]
      : [text(part.workspace), '', '', '', `failed: ${text(part.error)}`]
  );
  return table(
    ['Workspace', 'Keys', settings.maxAgeDays === undefined ? 'Stale' : `Stale (over ${settings.maxAgeDays} days)`, 'Oldest', 'Listed'],
    rows
  );
}
