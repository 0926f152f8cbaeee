/**
 * `list` and `delete` with 'key-type: public-key'. A listing shows each key's value (not a secret),
 * whether it is the workspace's default, and its secure mode. A delete takes the key's id; the
 * workspace's default key is refused (what SuprSend does with it is not documented).
 */
import { ActionError } from '../../errors.js';
import { describeError } from '../../report/explain.js';
import { textTable } from '../../report/log-table.js';
import { tellLines } from '../../report/log.js';
import { table } from '../../report/summary.js';
import type { PublicKey } from '../../suprsend/public-keys.js';
import type { CommandContext, CommandDefinition } from '../command.js';
import { deletedLine, deletedTitle, deleteOneKey, listingOutputs, type OneDeleted } from '../credential-outputs.js';
import { outcomeOf, publishOutputs, rendered } from '../outcome.js';
import {
  parsePublicDelete,
  parsePublicList,
  PUBLIC_DELETE_INPUTS,
  PUBLIC_LIST_INPUTS,
  type PublicDeleteSettings,
  type PublicListSettings
} from './settings.js';
import { exposed, exposedWarning, HEADERS, row, summaryCells } from './report.js';

export interface PublicListResult {
  workspace: string;
  keys: PublicKey[];
  /** Whether the account's listing says the workspace's mode is 'production' (false when it could not be read). */
  production: boolean;
}

/** Whether the account's listing says the workspace's mode is 'production'; false (and a debug line) when it cannot be read. */
export async function isProduction(context: Pick<CommandContext, 'workspaceMode' | 'log'>, workspace: string): Promise<boolean> {
  try {
    return (await context.workspaceMode(workspace)) === 'production';
  } catch (error) {
    context.log.debug(`The workspace's mode could not be read, so keys without secure mode are not flagged: ${describeError(error)}`);
    return false;
  }
}

export const publicListCommand: CommandDefinition<PublicListSettings, PublicListResult> = {
  inputs: PUBLIC_LIST_INPUTS,
  manyWorkspaces: () => false,
  parse: parsePublicList,
  run: async (context, _settings, step) => {
    const client = context.publicKeys();
    const { workspace } = client;
    const keys = (await client.list()).filter((k) => k.is_deleted !== true);
    const production = await isProduction(context, workspace);
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
          const { text, title } = exposedWarning(key, r.workspace);
          log.warning(text, title);
        }
      },
      () =>
        [
          `### ${r.keys.length} public ${r.keys.length === 1 ? 'key' : 'keys'} in \`${r.workspace}\``,
          '',
          table(
            HEADERS,
            r.keys.map((k) => summaryCells(row(k, r.production)))
          ),
          ''
        ].join('\n')
    )
};

export const publicDeleteCommand: CommandDefinition<PublicDeleteSettings, OneDeleted<PublicKey>> = {
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
    return deleteOneKey(step, { workspace, key, dryRun: settings.dryRun }, () => client.delete(key.id));
  },
  render: ({ result: r, status }, _settings, context) =>
    rendered(
      context,
      (log) => {
        log.info(
          deletedLine(`public key ${JSON.stringify(r.key.name ?? '')} (${r.key.id}) in workspace '${r.workspace}'`, status, r.deleted)
        );
      },
      () => deletedTitle('public key', r, status)
    )
};
