/**
 * The action, start to end: read the inputs, run the command against SuprSend,
 * hand over outputs, write the summary. Every error ends the step as one
 * `::error::` with secrets removed.
 */
import { createKey } from './commands/create.js';
import { deleteKeys } from './commands/delete.js';
import { listKeys } from './commands/list.js';
import type { CommandResult } from './commands/result.js';
import type { Deps } from './deps.js';
import { describeError } from './errors.js';
import { describeOrigin } from './origin.js';
import { emitOutputs } from './outputs.js';
import { secrecy } from './redact.js';
import { parseSettings, type Settings } from './settings.js';
import { storeKeyAsSecret } from './store-secret.js';
import { renderSummary } from './summary.js';
import { SuprSendClient } from './suprsend.js';
import { USER_AGENT } from './version.js';

/** State the post step reads: the id of a key to disable when the job ends. */
export const EPHEMERAL_KEY_STATE = 'ephemeral-key-id';

export async function main(deps: Deps): Promise<void> {
  const { core } = deps;
  const { mask, say } = secrecy((secret) => {
    core.setSecret(secret);
  });

  try {
    const settings = parseSettings((name) => core.getInput(name), deps.env, mask);
    for (const input of settings.ignoredInputs) {
      core.warning(say(`Input '${input}' does nothing with command '${settings.command.command}' and is ignored.`));
    }
    const client = connect(settings, deps, mask, say);
    const result = await runCommand(client, settings, deps);
    if (result.command === 'create' && result.secret !== undefined && settings.command.command === 'create') {
      const { secret, ephemeral } = settings.command;
      if (secret !== undefined) result.storedAs = await storeKeyAsSecret({ ...result, secret: result.secret }, secret, client, USER_AGENT);
      if (ephemeral) core.saveState(EPHEMERAL_KEY_STATE, result.key.id);
    }
    emitOutputs(result, {
      setOutput: (name, value) => {
        core.setOutput(name, value);
      },
      warning: (message) => {
        core.warning(say(message));
      },
      writeTempFile: deps.writeTempFile
    });
    annotate(result, core.warning.bind(core), say);
    if (settings.summary) await writeSummary(deps, say(renderSummary(result)));
    if (result.failure !== undefined) core.setFailed(say(result.failure));
  } catch (error) {
    core.setFailed(say(describeError(error)));
  }
}

export function connect(settings: Settings, deps: Deps, mask: (secret: string) => void, say: (text: string) => string): SuprSendClient {
  return new SuprSendClient(settings.connection, {
    transport: deps.transport,
    debug: (message) => {
      deps.core.debug(say(message));
    },
    onSecret: mask,
    sleep: deps.sleep,
    now: deps.now,
    random: deps.random,
    userAgent: USER_AGENT
  });
}

/** The summary is a report on work already done: failing to write it is worth a warning, not a failed step. */
async function writeSummary(deps: Deps, markdown: string): Promise<void> {
  try {
    await deps.writeSummary(markdown);
  } catch (error) {
    deps.core.warning(`Could not write the job summary: ${describeError(error)}`);
  }
}

function runCommand(client: SuprSendClient, settings: Settings, deps: Deps): Promise<CommandResult> {
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

/** Warnings people see on the run's page: each stale key, each key of unknown age. */
function annotate(
  result: CommandResult,
  warning: (message: string, properties?: { title?: string }) => void,
  say: (text: string) => string
): void {
  if (result.command !== 'list') return;
  for (const { key, ageDays } of result.stale) {
    warning(
      say(
        `Key ${JSON.stringify(key.name ?? '')} (${key.id}) in workspace '${result.workspace}' is ${ageDays} days old, older than ${result.maxAgeDays} days: rotate it.`
      ),
      {
        title: 'Stale SuprSend API key'
      }
    );
  }
  if (result.maxAgeDays !== undefined) {
    for (const key of result.undated) {
      warning(
        say(
          `Key ${JSON.stringify(key.name ?? '')} (${key.id}) in workspace '${result.workspace}' has no readable created_at, so its age is unknown.`
        ),
        {
          title: 'SuprSend API key of unknown age'
        }
      );
    }
  }
}
