/**
 * "Did you mean": a workspace SuprSend does not know (404) is answered with the account's
 * workspaces and the closest one, listed with the same service token. A listing that fails
 * adds nothing: the hint must never hide the error it explains.
 */
import { SuprSendFailure } from '../suprsend/failure.js';
import { closest } from '../text.js';
import type { CommandContext } from './command.js';

/** How many of the account's workspaces the hint names. */
const SHOWN = 20;

export async function workspaceHint(error: unknown, context: Pick<CommandContext, 'accountWorkspaces'>): Promise<string> {
  if (!(error instanceof SuprSendFailure) || error.facts.kind !== 'status' || error.facts.status !== 404) return '';
  const { workspace } = error.request;
  if (workspace === undefined) return '';
  let slugs: string[];
  try {
    slugs = await context.accountWorkspaces();
  } catch {
    return '';
  }
  if (slugs.length === 0 || slugs.includes(workspace)) return '';
  const near = closest(workspace, slugs);
  const named = slugs.slice(0, SHOWN).join(', ') + (slugs.length > SHOWN ? `, and ${slugs.length - SHOWN} more` : '');
  return `${near === undefined ? '' : ` Did you mean '${near}'?`} The account's workspaces: ${named}.`;
}
