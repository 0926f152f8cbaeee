/**
 * `list` and `delete` with 'key-type: public-key'. A listing shows each key's value (not a secret),
 * whether it is the workspace's default, and its secure mode. A delete takes the key's id; the
 * workspace's default key is refused (what SuprSend does with it is not documented).
 */
import { ActionError } from '../../errors.js';
import { describeError } from '../../report/explain.js';
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

/** In a production workspace, a key without secure mode lets anyone who has it act as any user: flagged. */
const exposed = (k: PublicKey, production: boolean): boolean => production && k.is_secure_mode_enabled !== true;

const row = (k: PublicKey, production: boolean): string[] => [
  k.name ?? '',
  k.id,
  k.api_key ?? '',
  k.is_default === true ? 'yes' : '',
  k.is_secure_mode_enabled === true ? 'on' : exposed(k, production) ? 'off ⚠️' : 'off'
];
const HEADERS = ['Name', 'Key id', 'Value', 'Default', 'Secure mode'];

export interface PublicListResult {
  workspace: string;
  keys: PublicKey[];
  /** Whether the account's listing says the workspace's mode is 'production' (false when it could not be read). */
  production: boolean;
}

export const publicListCommand: CommandDefinition<PublicListSettings, PublicListResult> = {
  inputs: PUBLIC_LIST_INPUTS,
  manyWorkspaces: () => false,
  parse: parsePublicList,
  run: async (context, _settings, step) => {
    const client = context.publicKeys();
    const { workspace } = client;
    const keys = (await client.list()).filter((k) => k.is_deleted !== true);
    let production = false;
    try {
      production = (await context.workspaceMode(workspace)) === 'production';
    } catch (error) {
      context.log.debug(`The workspace's mode could not be read, so keys without secure mode are not flagged: ${describeError(error)}`);
    }
    const file = context.openArrayFile();
    publishOutputs(step, [workspace], (sink) => {
      listingOutputs(file, workspace, keys, sink);
    });
    return outcomeOf([workspace], { workspace, keys, production }, []);
  },
  render: ({ result: r }, _settings, context) =>
    rendered(
      context,
      (log) => {
        log.info(`${r.keys.length} public ${r.keys.length === 1 ? 'key' : 'keys'} in workspace '${r.workspace}'.`);
        if (r.keys.length > 0)
          tellLines(
            log,
            `The ${r.keys.length} public keys`,
            textTable([HEADERS.map((h) => h.toUpperCase()), ...r.keys.map((k) => row(k, r.production))])
          );
        for (const key of r.keys.filter((k) => exposed(k, r.production))) {
          log.warning(
            `Public key ${JSON.stringify(key.name ?? '')} (${key.id}) in production workspace '${r.workspace}' has secure mode off: ` +
              'SuprSend accepts it without a signed user token, so anyone with the key (it ships in your front end) can act as any user. ' +
              "Once your backend signs user tokens, turn secure mode on in SuprSend's dashboard, or with 'secure-mode: on' when you next create or rotate a public key.",
            'Public key without secure mode in production'
          );
        }
      },
      () =>
        [
          `### ${r.keys.length} public ${r.keys.length === 1 ? 'key' : 'keys'} in \`${r.workspace}\``,
          '',
          table(
            HEADERS,
            r.keys.map((k) => row(k, r.production).map((cell, i) => (i === 1 || i === 2 ? code(cell) : text(cell))))
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
