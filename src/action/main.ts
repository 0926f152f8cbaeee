/**
 * The frame of the main step: read the inputs (the session) → run the command (its whole story,
 * outputs published as it goes) → render its outcome (log, annotations, summary) → exit, failed
 * if the outcome says so. Every error ends the step as one `::error::`, printed through the log
 * (secrets removed); files it wrote are removed.
 */
import type { CommandContext } from '../commands/command.js';
import { runCommand } from '../commands/registry.js';
import { describeError } from '../report/explain.js';
import { SECRET_OUTPUTS } from '../names.js';
import { replay } from '../report/log-record.js';
import { createLog, type Log } from '../report/log.js';
import { fitSummary } from '../report/summary.js';
import type { ArrayFile, OutputSink } from '../report/outputs.js';
import type { Deps } from './deps.js';
import { openSession } from './session.js';

export async function main(deps: Deps): Promise<void> {
  const log = createLog(deps.core);
  const files: ArrayFile[] = [];
  try {
    const session = openSession(deps, log);
    const { settings } = session;
    for (const input of settings.ignoredInputs) {
      const kind = 'keyType' in settings.command ? ` and 'key-type: ${settings.command.keyType}'` : '';
      log.warning(`Input '${input}' does nothing with command '${settings.command.command}'${kind} and is ignored.`);
    }
    const context: CommandContext = {
      get client() {
        return session.client();
      },
      signingKeys: session.signingKeys,
      publicKeys: session.publicKeys,
      clientFor: session.clientFor,
      workspaceSlugs: session.workspaceSlugs,
      accountWorkspaces: session.accountWorkspaces,
      workspaceMode: session.workspaceMode,
      log,
      openArrayFile: () => {
        const file = redactedArrayFile(deps.createArrayFile(), log);
        files.push(file);
        return file;
      },
      env: deps.env,
      now: deps.now(),
      saveState: (name, value) => {
        deps.core.saveState(name, value);
      },
      prepareSecret: session.prepareSecret,
      prepareVariable: session.prepareVariable,
      writesSummary: settings.summary,
      verifyKey: session.verifyKey,
      trackingIssue: session.trackingIssue
    };
    // Run: the command's whole story, its outputs published as it goes.
    const { outcome, render } = await runCommand(settings.command, context, { outputs: outputSink(deps, log) });
    // Render, then tell: the log's lines and annotations, the summary, and the failure, if any.
    const rendering = render({ warningsLeft: log.warningsLeft(), writesSummary: settings.summary });
    replay(rendering.log, log);
    if (settings.summary) await writeSummary(deps, log, rendering.summary);
    if (outcome.status === 'failed') log.fail(outcome.failure);
  } catch (error) {
    for (const file of files) file.discard();
    log.fail(describeError(error));
  }
}

/** The step outputs. Only the secret outputs ('api-key', 'private-key', 'private-key-base64') may carry a new secret; every other value is redacted, echoes included. */
function outputSink(deps: Deps, log: Log): OutputSink {
  return {
    setOutput: (name, value) => {
      deps.core.setOutput(name, SECRET_OUTPUTS.includes(name) ? value : log.redact(value));
    },
    warning: log.warning
  };
}

/** A listing never carries a secret, but a server may put one anywhere: every value is redacted as written. */
function redactedArrayFile(file: ArrayFile, log: Log): ArrayFile {
  return {
    ...file,
    append: (section, values) => {
      file.append(section, log.redact(values));
    }
  };
}

/** The summary is a report on work already done: failing to write it is worth a warning, not a failed step. */
async function writeSummary(deps: Deps, log: Log, markdown: string): Promise<void> {
  try {
    await deps.writeSummary(fitSummary(log.redact(markdown)));
  } catch (error) {
    log.warning(describeError(error), 'Job summary not written');
  }
}
