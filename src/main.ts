/**
 * The action, start to end: read the inputs, run the command against SuprSend,
 * hand over what it made (secret store, state, outputs), warn, write the summary.
 * Every error ends the step as one `::error::`, printed through the log (secrets removed).
 */
import { createKey } from './commands/create.js';
import { deleteKeys } from './commands/delete.js';
import { listKeys } from './commands/list.js';
import type { CommandResult } from './commands/result.js';
import type { Deps } from './deps.js';
import { describeError } from './errors.js';
import { createLog, type Log } from './log.js';
import { describeOrigin } from './origin.js';
import { emitOutputs } from './outputs.js';
import { rollBackNewKey } from './rollback.js';
import { openSession, type Session } from './session.js';
import { EPHEMERAL_KEY_STATE } from './step.js';
import { storeKeyAsSecret } from './store-secret.js';
import { renderSummary } from './summary.js';
import { USER_AGENT } from './version.js';

export async function main(deps: Deps): Promise<void> {
  const log = createLog(deps.core);
  try {
    const session = openSession(deps, log);
    const { settings } = session;
    for (const input of settings.ignoredInputs) {
      log.warning(`Input '${input}' does nothing with command '${settings.command.command}' and is ignored.`);
    }
    const result = await runCommand(session, deps);
    await handOver(result, session, deps, log);
    annotate(result, log);
    if (settings.summary) await writeSummary(deps, log, renderSummary(result));
    if (result.failure !== undefined) log.fail(result.failure);
  } catch (error) {
    log.fail(describeError(error));
  }
}

function runCommand({ client, settings }: Session, deps: Deps): Promise<CommandResult> {
  const workspace = settings.connection.workspace;
  const command = settings.command;
  switch (command.command) {
    case 'create':
      return createKey(client, command, { workspace, origin: describeOrigin(deps.env) });
    case 'list':
      return listKeys(client, command, { workspace, now: deps.now() });
    case 'delete':
      return deleteKeys(client, command, { workspace });
  }
}

/**
 * Everything that passes a result on: the GitHub secret, the post step's state, the
 * step outputs. If any of it fails after a key was created, the key is disabled again.
 */
async function handOver(result: CommandResult, { client, settings }: Session, deps: Deps, log: Log): Promise<void> {
  const created = result.command === 'create' && result.secret !== undefined ? { result, secret: result.secret } : undefined;
  try {
    if (created !== undefined && settings.command.command === 'create') {
      const { secret: target, ephemeral } = settings.command;
      if (target !== undefined) created.result.storedAs = await storeKeyAsSecret(created.secret, target, USER_AGENT);
      if (ephemeral) deps.core.saveState(EPHEMERAL_KEY_STATE, created.result.key.id);
    }
    emitOutputs(result, {
      // Only 'api-key' may carry the new secret; every other value is redacted, echoes included.
      setOutput: (name, value) => {
        deps.core.setOutput(name, name === 'api-key' ? value : log.redact(value));
      },
      warning: log.warning,
      writeTempFile: (name, content) => deps.writeTempFile(name, log.redact(content))
    });
  } catch (error) {
    if (created !== undefined) throw await rollBackNewKey(client, created.result.key.id, error);
    throw error;
  }
}

/** The summary is a report on work already done: failing to write it is worth a warning, not a failed step. */
async function writeSummary(deps: Deps, log: Log, markdown: string): Promise<void> {
  try {
    await deps.writeSummary(log.redact(markdown));
  } catch (error) {
    log.warning(describeError(error), 'Job summary not written');
  }
}

/** Warnings people see on the run's page: each stale key, each key of unknown age. */
function annotate(result: CommandResult, log: Log): void {
  if (result.command !== 'list') return;
  for (const { key, ageDays } of result.stale) {
    log.warning(
      `Key ${JSON.stringify(key.name ?? '')} (${key.id}) in workspace '${result.workspace}' is ${ageDays} days old, older than ${result.maxAgeDays} days: rotate it.`,
      'Stale SuprSend API key'
    );
  }
  if (result.maxAgeDays !== undefined) {
    for (const key of result.undated) {
      log.warning(
        `Key ${JSON.stringify(key.name ?? '')} (${key.id}) in workspace '${result.workspace}' has no readable created_at, so its age is unknown.`,
        'SuprSend API key of unknown age'
      );
    }
  }
}
