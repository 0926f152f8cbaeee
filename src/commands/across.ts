/**
 * Running a command in several workspaces at once: every workspace is read (and acted on)
 * whatever happens in the others; the requests share the step's one bound on requests in
 * flight (src/net/limit.ts). A workspace that fails is reported with its reason.
 */
import { describeError } from '../report/explain.js';
import type { SuprSendClient } from '../suprsend/client.js';
import { ActionError } from '../errors.js';
import { workspaceHint } from './workspace-hint.js';
import type { CommandContext } from './command.js';

export type Part<R> = { workspace: string; result: R } | { workspace: string; error: string };

export async function acrossWorkspaces<R>(context: CommandContext, run: (client: SuprSendClient) => Promise<R>): Promise<Part<R>[]> {
  const slugs = await context.workspaceSlugs();
  return Promise.all(
    slugs.map(async (workspace): Promise<Part<R>> => {
      try {
        return { workspace, result: await run(context.clientFor(workspace)) };
      } catch (error) {
        return { workspace, error: describeError(error) + (await workspaceHint(error, context)) };
      }
    })
  );
}

export function succeeded<R>(parts: Part<R>[]): { workspace: string; result: R }[] {
  return parts.flatMap((p) => ('result' in p ? [p] : []));
}

export function failed<R>(parts: Part<R>[]): { workspace: string; error: string }[] {
  return parts.flatMap((p) => ('error' in p ? [p] : []));
}

/** One message naming each workspace that failed, and why; undefined when none did. */
export function workspacesFailure<R>(parts: Part<R>[]): string | undefined {
  const bad = failed(parts);
  if (bad.length === 0) return undefined;
  return (
    `Could not finish in ${bad.length} of ${parts.length} workspaces; the others are in the outputs and the summary.\n` +
    bad.map((p) => `- '${p.workspace}': ${p.error}`).join('\n')
  );
}

/**
 * With one workspace, its failure is the step's error (as it always was), thrown before anything
 * is published; with several, each failed workspace is reported with the others.
 */
export function throwIfTheOnlyFailed<R>(parts: Part<R>[]): void {
  const [only] = parts;
  if (parts.length === 1 && only !== undefined && 'error' in only) throw new ActionError(only.error);
}
