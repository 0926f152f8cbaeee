/**
 * `delete` with 'key-type: signing-key': one signing key, named by its id or its uid (the request
 * always uses the uid, as the API asks). Deleting the active key is allowed, with a warning: the
 * workspace then has none. A dry run says what it would delete.
 */
import { ActionError } from '../../errors.js';
import type { SigningKey } from '../../suprsend/signing-keys.js';
import type { CommandDefinition } from '../command.js';
import { deletedLine, deletedTitle, deleteOneKey, type OneDeleted } from '../credential-outputs.js';
import { rendered } from '../outcome.js';
import { parseSigningDelete, SIGNING_DELETE_INPUTS, type SigningDeleteSettings } from './settings.js';

export type SigningDeleteResult = OneDeleted<SigningKey>;

export const signingDeleteCommand: CommandDefinition<SigningDeleteSettings, SigningDeleteResult> = {
  inputs: SIGNING_DELETE_INPUTS,
  manyWorkspaces: () => false,
  parse: parseSigningDelete,
  run: async (context, settings, step) => {
    const client = context.signingKeys();
    const { workspace } = client;
    const keys = await client.list();
    const key = keys.find((k) => k.id === settings.keyId || k.uid === settings.keyId);
    if (key === undefined) {
      throw new ActionError(
        `Workspace '${workspace}' has no signing key ${settings.keyId}; it has ${keys.length === 0 ? 'none' : keys.map((k) => `${k.id} (uid ${k.uid}, ${k.status ?? 'unknown'})`).join(', ')}. Nothing was deleted.`
      );
    }
    // The request addresses the key by its uid.
    return deleteOneKey(step, { workspace, key, dryRun: settings.dryRun }, () => client.delete(key.uid));
  },
  render: ({ result: r, status }, _settings, context) =>
    rendered(
      context,
      (log) => {
        log.info(
          deletedLine(
            `signing key ${r.key.id} (uid ${r.key.uid}, ${r.key.status ?? 'unknown'}) in workspace '${r.workspace}'`,
            status,
            r.deleted
          )
        );
        if (r.key.status === 'active' && status !== 'planned') {
          log.warning(
            `Workspace '${r.workspace}' now has no active signing key: no user token can be signed for it until one is made (command 'create' with 'key-type: signing-key').`,
            'No active signing key'
          );
        }
      },
      () => deletedTitle('signing key', r, status)
    )
};
