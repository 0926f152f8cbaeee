/** How a new key is reported, by create and rotate alike: its outputs, its log lines, its summary sentence. */
import { describeKey } from '../report/log-table.js';
import type { Log } from '../report/log.js';
import type { OutputSink } from '../report/outputs.js';
import { text } from '../report/summary.js';
import type { ApiKey } from '../suprsend/types.js';
import type { Stored } from './key-handover.js';

/** 'key-id', 'masked-api-key', 'created', and 'api-key' when there is a secret (empty strings when there is no key). */
export function newKeyOutputs({ setOutput }: OutputSink, key: ApiKey | undefined, created: boolean, secret: string | undefined): void {
  setOutput('key-id', key?.id ?? '');
  setOutput('masked-api-key', typeof key?.masked_api_key === 'string' ? key.masked_api_key : '');
  setOutput('created', String(created));
  if (secret !== undefined) setOutput('api-key', secret);
}

/** "Created key …", where it was stored, and the notice when later jobs of this run will not see it. */
export function tellNewKey(key: ApiKey, workspace: string, stored: Stored | undefined, log: Log, checkedAt?: string): void {
  log.info(`Created ${describeKey(key)} in workspace '${workspace}'. Its secret is in the 'api-key' output, masked in logs.`);
  if (checkedAt !== undefined) log.info(`Checked it with SuprSend's hub (${checkedAt}): the key works.`);
  if (stored !== undefined) log.info(`Stored it as ${stored.where}.`);
  if (stored?.accessNote !== undefined) log.info(stored.accessNote);
  if (stored?.settled !== undefined) log.warning(stored.settled, "GitHub's answer to the secret write was lost");
  if (stored?.notice !== undefined) log.notice(stored.notice, 'Later jobs of this run read the previous secret');
}

/** The summary's sentence on where the secret is (HTML, for a paragraph). */
export function newKeyNote(stored: Stored | undefined, output: 'api-key' | 'private-key' = 'api-key'): string {
  const where =
    stored === undefined ? '' : ` Stored as ${text(stored.where)}.${stored.notice === undefined ? '' : ` ${text(stored.notice)}`}`;
  return `The secret is in the step output <code>${output}</code> (masked in logs).${where}`;
}
