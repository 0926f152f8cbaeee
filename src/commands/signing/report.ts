/** What the signing-key commands publish and tell: outputs, log lines, annotations, summaries. */
import type { Log } from '../../report/log.js';
import type { Annotation } from '../list/report.js';
import type { OutputSink } from '../../report/outputs.js';
import { code, dateOf, paragraph, table, text } from '../../report/summary.js';
import { ageDays } from '../../suprsend/keys.js';
import type { SigningKey } from '../../suprsend/signing-keys.js';
import { newKeyNote } from '../new-key-report.js';
import type { MintResult } from './mint.js';
import type { SigningMintSettings } from './settings.js';

/** 'key-id' (the key's id), the private key in both forms, 'created'; 'api-key' stays empty for a signing key. */
export function mintOutputs(r: MintResult, { setOutput }: OutputSink): void {
  setOutput('key-id', r.made?.key.id ?? '');
  setOutput('private-key', r.made?.privateKeyPem ?? '');
  setOutput('private-key-base64', r.made?.privateKeyBase64 ?? '');
  setOutput('api-key', '');
  setOutput('masked-api-key', '');
  setOutput('created', r.made === undefined ? 'false' : 'true');
}

const describe = (key: SigningKey): string => `signing key ${key.id} (uid ${key.uid})`;

export function tellMint(r: MintResult, settings: SigningMintSettings<'create' | 'rotate'>, log: Log): void {
  if (r.made === undefined) {
    const what =
      r.active === undefined
        ? `a signing key would be created in workspace '${r.workspace}'`
        : `${describe(r.active)} in workspace '${r.workspace}' would be rolled: a new key replaces it, and it becomes 'rolled'`;
    log.info(`Dry run: nothing is created or rolled; ${what}.`);
    return;
  }
  const made = describe(r.made.key);
  log.info(
    r.rolled && r.active !== undefined
      ? `Rolled ${describe(r.active)} in workspace '${r.workspace}': ${made} is now active, and the old key is 'rolled'.`
      : `Created ${made} in workspace '${r.workspace}'.`
  );
  log.info("Its private key is in the 'private-key' output (PEM) and 'private-key-base64', masked in logs: SuprSend shows it only once.");
  if (r.stored !== undefined) log.info(`Stored it as ${r.stored.where} (${settings.format === 'pem' ? 'PEM' : 'base64 on one line'}).`);
  if (r.stored?.notice !== undefined) log.notice(r.stored.notice, 'Later jobs of this run read the previous secret');
}

export function mintSummary(r: MintResult, settings: SigningMintSettings<'create' | 'rotate'>): string {
  const title =
    r.made === undefined ? 'Dry run: SuprSend signing key' : r.rolled ? 'SuprSend signing key rolled' : 'SuprSend signing key created';
  const lines = [`### ${title} in \`${r.workspace}\``, ''];
  const rows = [
    ...(r.active !== undefined ? [[text(r.rolled ? 'rolled (was active)' : 'active'), code(r.active.id), code(r.active.uid)]] : []),
    ...(r.made !== undefined
      ? [[text(settings.command === 'rotate' && r.rolled ? 'new, active' : 'created, active'), code(r.made.key.id), code(r.made.key.uid)]]
      : [])
  ];
  if (rows.length > 0) lines.push(table(['Signing key', 'Id', 'Uid'], rows), '');
  if (r.made !== undefined) lines.push(paragraph(newKeyNote(r.stored, 'private-key')), '');
  return lines.join('\n');
}

/** A signing key's row in the log and the summary: id, uid, status, created (age), rolled. */
export function keyRow(key: SigningKey, now: Date, stale: boolean): string[] {
  const age = ageDays(key, now);
  return [
    key.id,
    key.uid,
    stale ? 'active, stale' : (key.status ?? 'unknown'),
    `${dateOf(key)}${age === undefined ? '' : ` (${age} days)`}`,
    typeof key.rolled_at === 'string' ? key.rolled_at.slice(0, 10) : '',
    typeof key.expiry_at === 'string' ? key.expiry_at.slice(0, 10) : ''
  ];
}

export const KEY_HEADERS = ['Id', 'Uid', 'Status', 'Created', 'Rolled', 'Expires'];

/** The warning for an active signing key older than 'max-age-days'. */
export function staleSigningKeyWarning(key: SigningKey, workspace: string, maxAgeDays: number | undefined): Annotation {
  return {
    text: `The active signing key ${key.id} (uid ${key.uid}) in workspace '${workspace}' is older than ${maxAgeDays} days: rotate it (command 'rotate' with 'key-type: signing-key').`,
    title: 'Stale SuprSend signing key'
  };
}
