/**
 * What happens to a command's report, in the same order for every command: its results passed on
 * (a new key handed over up to the commit point, the outputs written), the work that only follows
 * that (rotate: the older keys), the log, the summary, and the step's failure, if any. The action's
 * `main` is a frame around it and knows nothing of keys or rollback.
 */
import type { Log } from '../report/log.js';
import type { OutputSink } from '../report/outputs.js';
import type { CommandContext, CommandReport } from './command.js';
import { handOverNewKey } from './key-handover.js';

/** The parts of the step a report is completed into. */
export interface StepPort {
  log: Log;
  outputs: OutputSink;
  /** Writes the summary (a failure to is a warning, not a failed step); undefined with 'summary: false'. */
  summary: ((markdown: string) => Promise<void>) | undefined;
}

export async function completeReport(report: CommandReport, context: Pick<CommandContext, 'client'>, step: StepPort): Promise<void> {
  const publish = (): void => {
    report.outputs(step.outputs);
    step.outputs.setOutput('workspaces', JSON.stringify(report.workspaces));
  };
  const { newKey } = report;
  if (newKey === undefined) publish();
  else await handOverNewKey({ keyId: newKey.id, client: context.client, ...newKey, publish });
  await report.finish?.(step.outputs);
  report.tell(step.log);
  await step.summary?.(report.summary());
  if (report.failure !== undefined) step.log.fail(report.failure);
}
