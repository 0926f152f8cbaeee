/**
 * The tracking issue's words: the stale keys per workspace, oldest first, each workspace with the
 * `command: rotate` step that fixes it; and the comment that closes it. Within GitHub's 65,536
 * characters: what does not fit is cut with a note pointing to the run. Pure.
 *
 * Server text (names, ids, slugs) stands in HTML cells, escaped, `@` and `#` too (no mention, no
 * cross-reference from a key's name), or in the YAML snippet as a JSON string with the backtick
 * escaped (it ends no fence); a name holding `${{` is left out of the snippet, since a workflow
 * would evaluate it however it is quoted.
 */
import { dateOf, text } from '../../report/summary.js';
import { succeeded, failed, type Part } from '../across.js';
import type { ListResult } from './tally.js';

/** GitHub's limit on an issue's body, in characters. */
export const MAX_ISSUE_BODY = 65_536;
/** Names in a workspace's rotate matrix: enough for a step a person reads; the table has the rest. */
const MAX_MATRIX = 50;
/** Kept free for the marker, the closing notes and a workspace's snippet. */
const RESERVE = 4_000;

export interface IssueContext {
  maxAgeDays: number;
  now: Date;
  /** This run's page, when known. */
  runUrl: string | undefined;
  /** `owner/repo@ref` of this action, for the snippet. */
  uses: string;
}

/** The action as the snippet names it: as this run used it, when the runner says so and it looks like one. */
export function actionRef(env: Record<string, string | undefined>): string {
  const repository = env.GITHUB_ACTION_REPOSITORY ?? '';
  const ref = env.GITHUB_ACTION_REF ?? '';
  return /^[\w.-]+\/[\w.-]+$/.test(repository) && /^[\w./-]+$/.test(ref) ? `${repository}@${ref}` : 'org/suprsend-key-action@v2';
}

function cell(value: unknown): string {
  return text(value).replace(/[@#]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A YAML scalar that is a JSON string, with no backtick to end the Markdown fence around it. */
function yamlString(value: string): string {
  return JSON.stringify(value).replace(/`/g, '\\u0060');
}

function snippet(workspace: string, names: string[], uses: string): string {
  return [
    '```yaml',
    'jobs:',
    '  rotate:',
    '    runs-on: ubuntu-latest',
    '    strategy:',
    '      matrix:',
    `        name: [${names.map(yamlString).join(', ')}]`,
    '    steps:',
    `      - uses: ${uses}`,
    '        with:',
    '          command: rotate',
    `          workspace: ${yamlString(workspace)}`,
    '          name: ${{ matrix.name }}',
    '          service-token: ${{ secrets.SUPRSEND_SERVICE_TOKEN }}',
    '```'
  ].join('\n');
}

export function issueBody(parts: Part<ListResult>[], context: IssueContext): string {
  const ok = succeeded(parts).filter(({ result }) => result.stale.length > 0);
  ok.sort((a, b) => (b.result.stale[0]?.ageDays ?? 0) - (a.result.stale[0]?.ageDays ?? 0));
  const total = ok.reduce((n, { result }) => n + result.stale.length, 0);
  const run = context.runUrl === undefined ? '' : ` ([the audit's run](${context.runUrl}))`;
  const lines = [
    `**${total} SuprSend API ${total === 1 ? 'key is' : 'keys are'} older than ${context.maxAgeDays} days** in ${ok.length} of ${parts.length} ` +
      `${parts.length === 1 ? 'workspace' : 'workspaces'} audited on ${context.now.toISOString().slice(0, 10)}${run}.`,
    '',
    'Rotate them: each workspace below has the step that does it. Every audit updates this issue, and closes it when no key is overdue.',
    ''
  ];
  let size = lines.join('\n').length;
  const room = MAX_ISSUE_BODY - RESERVE;
  let left = total;
  for (const [index, { workspace, result }] of ok.entries()) {
    const head = `### <code>${cell(workspace)}</code>: ${result.stale.length} stale, oldest first`;
    const names = [...new Set(result.stale.map(({ key }) => (typeof key.name === 'string' ? key.name : '')))].filter((n) => n !== '');
    // A name holding '${{' would be evaluated by the workflow it is pasted into, however it is quoted: it is left out, and said so.
    const unsafe = names.filter((n) => n.includes('${{'));
    const safe = names.filter((n) => !unsafe.includes(n));
    const notes = [
      unsafe.length > 0
        ? `${unsafe.length} ${unsafe.length === 1 ? 'name holds' : 'names hold'} \`\${{\`, which a workflow would evaluate: rotate ${unsafe.length === 1 ? 'that key' : 'those keys'} by key id.`
        : '',
      safe.length > MAX_MATRIX ? `The matrix has the first ${MAX_MATRIX} of ${safe.length} names; the table lists every stale key.` : ''
    ].filter((n) => n !== '');
    const code = snippet(workspace, safe.slice(0, MAX_MATRIX), context.uses) + notes.map((n) => `\n\n${n}`).join('');
    if (size + head.length + code.length + 200 > room) {
      lines.push(`…and ${ok.length - index} more workspaces with ${left} stale keys: ${whereAll(context)}`, '');
      break;
    }
    const rows: string[] = [];
    let sectionSize = head.length + code.length + 200;
    for (const { key, ageDays } of result.stale) {
      const row = `<tr><td>${cell(key.name)}</td><td><code>${cell(key.id)}</code></td><td>${dateOf(key)}</td><td>${ageDays} days</td></tr>`;
      if (size + sectionSize + row.length > room) break;
      rows.push(row);
      sectionSize += row.length + 1;
    }
    const cut = result.stale.length - rows.length;
    lines.push(head, '', '<table>', '<tr><th>Name</th><th>Key id</th><th>Created</th><th>Age</th></tr>', ...rows, '</table>', '');
    if (cut > 0) lines.push(`…and ${cut} more stale keys in this workspace: ${whereAll(context)}`, '');
    lines.push(code, '');
    left -= result.stale.length;
    size = lines.join('\n').length;
  }
  const bad = failed(parts);
  if (bad.length > 0) {
    lines.push(
      `**${bad.length} ${bad.length === 1 ? 'workspace' : 'workspaces'} could not be read** in this audit, so ${bad.length === 1 ? 'its' : 'their'} keys are not listed here: ` +
        bad
          .slice(0, 20)
          .map((p) => `<code>${cell(p.workspace)}</code>`)
          .join(', ') +
        `${bad.length > 20 ? ` and ${bad.length - 20} more` : ''}. The run's log says why.`,
      ''
    );
  }
  return lines.join('\n');
}

function whereAll(context: IssueContext): string {
  return `the run's \`stale-key-ids\` output and job summary list them all${context.runUrl === undefined ? '' : ` (${context.runUrl})`}.`;
}

/** The comment that closes the issue: what the audit found, and where. */
export function closingComment(parts: Part<ListResult>[], context: IssueContext): string {
  return (
    `No SuprSend API key is older than ${context.maxAgeDays} days in the ${parts.length} ${parts.length === 1 ? 'workspace' : 'workspaces'} ` +
    `audited on ${context.now.toISOString().slice(0, 10)}${context.runUrl === undefined ? '' : ` (${context.runUrl})`}: closing. ` +
    'The next audit that finds an overdue key opens a new issue.'
  );
}

/** The comment that closes an issue a racing audit opened too. */
export function duplicateComment(kept: number): string {
  return `Duplicate of #${kept}: two audits ran at the same time and both opened an issue. #${kept} tracks these keys.`;
}
