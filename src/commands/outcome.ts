/**
 * What every command does at the same points of its story: publishing its outputs (with the
 * 'workspaces' output every command writes), ending with an outcome, and rendering one through a
 * recording log.
 */
import { recordingLog } from '../report/log-record.js';
import type { Log } from '../report/log.js';
import type { OutputSink } from '../report/outputs.js';
import type { CommandOutcome, RenderContext, Rendering, StepPort } from './command.js';

/** Writes a command's outputs, and the workspaces it covered. */
export function publishOutputs(step: StepPort, workspaces: string[], write: (sink: OutputSink) => void): void {
  write(step.outputs);
  step.outputs.setOutput('workspaces', JSON.stringify(workspaces));
}

/** 'failed' with the failures there are (joined, one per line), else 'planned' for a dry run or 'done'. */
export function outcomeOf<R>(
  workspaces: string[],
  result: R,
  failures: readonly (string | undefined)[],
  dryRun = false
): CommandOutcome<R> {
  const failure = failures.filter((f): f is string => f !== undefined).join('\n');
  return failure !== '' ? { status: 'failed', workspaces, result, failure } : { status: dryRun ? 'planned' : 'done', workspaces, result };
}

/** A rendering made by telling a recording log (the report functions' way) and building the summary. */
export function rendered(context: RenderContext, tell: (log: Log) => void, summary: () => string): Rendering {
  const { log, entries } = recordingLog(context.warningsLeft);
  tell(log);
  return { log: entries, summary: summary() };
}
