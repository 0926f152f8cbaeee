/**
 * `list` with 'key-type: signing-key': every signing key of the workspace, active and rolled. With
 * 'max-age-days', an active key that old is stale (a warning, 'stale-key-ids'); a rolled key never is.
 */
import { tellLines } from '../../report/log.js';
import { table, text } from '../../report/summary.js';
import { isOlderThan } from '../../suprsend/keys.js';
import type { SigningKey } from '../../suprsend/signing-keys.js';
import type { CommandDefinition } from '../command.js';
import { listingOutputs } from '../credential-outputs.js';
import { outcomeOf, publishOutputs, rendered } from '../outcome.js';
import { textTable } from '../../report/log-table.js';
import { KEY_HEADERS, keyRow, staleSigningKeyWarning } from './report.js';
import { parseSigningList, SIGNING_LIST_INPUTS, type SigningListSettings } from './settings.js';

export interface SigningListResult {
  workspace: string;
  keys: SigningKey[];
  stale: SigningKey[];
  now: Date;
}

export const signingListCommand: CommandDefinition<SigningListSettings, SigningListResult> = {
  inputs: SIGNING_LIST_INPUTS,
  manyWorkspaces: () => false,
  parse: parseSigningList,
  run: async (context, settings, step) => {
    const client = context.signingKeys();
    const { workspace } = client;
    const keys = await client.list();
    const { maxAgeDays } = settings;
    const stale = maxAgeDays === undefined ? [] : keys.filter((k) => k.status === 'active' && isOlderThan(k, maxAgeDays, context.now));
    const file = context.openArrayFile();
    publishOutputs(step, [workspace], (sink) => {
      listingOutputs(file, workspace, keys, sink);
      const { setOutput } = sink;
      setOutput('stale-count', String(stale.length));
      setOutput('stale-key-ids', JSON.stringify(stale.map((k) => k.id)));
    });
    const failure =
      settings.failOnStale && stale.length > 0
        ? `The active signing key of workspace '${workspace}' is older than ${maxAgeDays} days: rotate it (command 'rotate' with 'key-type: signing-key').`
        : undefined;
    return outcomeOf([workspace], { workspace, keys, stale, now: context.now }, [failure]);
  },
  render: ({ result: r }, settings, context) =>
    rendered(
      context,
      (log) => {
        const active = r.keys.filter((k) => k.status === 'active').length;
        log.info(`${r.keys.length} signing ${r.keys.length === 1 ? 'key' : 'keys'} in workspace '${r.workspace}', ${active} active.`);
        if (r.keys.length > 0) {
          tellLines(
            log,
            `The ${r.keys.length} signing keys`,
            textTable([KEY_HEADERS.map((h) => h.toUpperCase()), ...r.keys.map((k) => keyRow(k, r.now, r.stale.includes(k)))])
          );
        }
        for (const key of r.stale) {
          const { text, title } = staleSigningKeyWarning(key, r.workspace, settings.maxAgeDays);
          log.warning(text, title);
        }
      },
      () =>
        [
          `### ${r.keys.length} signing ${r.keys.length === 1 ? 'key' : 'keys'} in \`${r.workspace}\``,
          '',
          r.keys.length === 0
            ? 'No signing key.'
            : table(
                KEY_HEADERS,
                r.keys.map((k) => keyRow(k, r.now, r.stale.includes(k)).map(text))
              ),
          ''
        ].join('\n')
    )
};
