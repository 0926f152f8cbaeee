/**
 * `list` and `delete` with 'key-type: public-key'. A listing shows each key's value (not a secret),
 * whether it is the workspace's default, and its secure mode. A delete takes the key's id; the
 * workspace's default key is refused (what SuprSend does with it is not documented).
 */
import { ActionError } from '../../errors.js';
import { textTable } from '../../report/log-table.js';
import { tellLines } from '../../report/log.js';
import { code, table, text } from '../../report/summary.js';
import type { PublicKey } from '../../suprsend/public-keys.js';
import type { CommandDefinition } from '../command.js';
import { deletedOutputs, listingOutputs } from '../credential-outputs.js';
import { outcomeOf, publishOutputs, rendered } from '../outcome.js';
import {
  parsePublicDelete,
  parsePublicList,
  PUBLIC_DELETE_INPUTS,
  PUBLIC_LIST_INPUTS,
  type PublicDeleteSettings,
  type PublicListSettings
} from './settings.js';

const row = (k: PublicKey): string[] => [
  k.name ?? '',
  k.id,
  k.api_key ?? '',
  k.is_default === true ? 'yes' : '',
  k.is_secure_mode_enabled === true ? 'on' : 'off'
];
const HEADERS = ['Name', 'Key id', 'Value', 'Default', 'Secure mode'];

export const publicListCommand: CommandDefinition<PublicListSettings, { workspace: string; keys: PublicKey[] }> = {
  inputs: PUBLIC_LIST_INPUTS,
  manyWorkspaces: () => false,
  parse: parsePublicList,
  run: async (context, _settings, step) => {
    const client = context.publicKeys();
    const { workspace } = client;
    const keys = (await client.list()).filter((k) => k.is_deleted !== true);
    const file = context.openArrayFile();
    publishOutputs(step, [workspace], (sink) => {
      listingOutputs(file, workspace, keys, sink);
    });
    return outcomeOf([workspace], { workspace, keys }, []);
  },
  render: ({ result: r }, _settings, context) =>
    rendered(
      context,
      (log) => {
        log.info(`${r.keys.length} public ${r.keys.length === 1 ? 'key' : 'keys'} in workspace '${r.workspace}'.`);
        if (r.keys.length > 0)
          tellLines(log, `The ${r.keys.length} public keys`, textTable([HEADERS.map((h) => h.toUpperCase()), ...r.keys.map(row)]));
      },
      () =>
        [
          `### ${r.keys.length} public ${r.keys.length === 1 ? 'key' : 'keys'} in \`${r.workspace}\``,
          '',
          table(
            HEADERS,
            r.keys.map((k) => row(k).map((cell, i) => (i === 1 || i === 2 ? code(cell) : text(cell))))
          ),
          ''
        ].join('\n')
    )
};

export const publicDeleteCommand: CommandDefinition<PublicDeleteSettings, { workspace: string; key: PublicKey; deleted: boolean }> = {
  inputs: PUBLIC_DELETE_INPUTS,
  manyWorkspaces: () => false,
  parse: parsePublicDelete,
  run: async (context, settings, step) => {
    const client = context.publicKeys();
    const { workspace } = client;
    const key = (await client.list()).find((k) => k.id === settings.keyId && k.is_deleted !== true);
    if (key === undefined) throw new ActionError(`Workspace '${workspace}' has no public key ${settings.keyId}: nothing was deleted.`);
    if (key.is_default === true) {
      throw new ActionError(
        `Public key ${key.id} is the default public key of workspace '${workspace}': the action does not delete it. Rotate it instead (command 'rotate' with 'key-type: public-key').`
      );
    }
    const deleted = !settings.dryRun && (await client.delete(key.id)) === 'deleted';
    publishOutputs(step, [workspace], (sink) => {
      deletedOutputs(key.id, deleted, sink);
    });
    return outcomeOf([workspace], { workspace, key, deleted }, [], settings.dryRun);
  },
  render: ({ result: r, status }, _settings, context) =>
    rendered(
      context,
      (log) => {
        const what = `public key ${JSON.stringify(r.key.name ?? '')} (${r.key.id}) in workspace '${r.workspace}'`;
        log.info(status === 'planned' ? `Dry run: would delete ${what}.` : r.deleted ? `Deleted ${what}.` : `${what} was already gone.`);
      },
      () =>
        `### ${status === 'planned' ? 'Dry run: ' : ''}public key ${r.key.id} ${status === 'planned' ? 'would be deleted' : 'deleted'} in \`${r.workspace}\`\n`
    )
};
