/**
 * `list` with 'key-type: all', its story in order: in each covered workspace, the API keys (as
 * `list` lists them), the signing keys and the public keys, each row of the one keys file carrying
 * its `kind`; then the outputs ('stale-key-ids' holds stale API keys and stale active signing keys
 * alike). The outcome renders as one report: stale and exposed credentials first, then each kind.
 */
import { isOlderThan } from '../../suprsend/keys.js';
import type { SuprSendClient } from '../../suprsend/client.js';
import { acrossWorkspaces, succeeded, throwIfTheOnlyFailed, type Part } from '../across.js';
import type { CommandContext, CommandDefinition } from '../command.js';
import { accountFailure } from '../list/account.js';
import { keysOutputs, reportBudget, staleOutputs } from '../list/report.js';
import { listKeys } from '../list/run.js';
import type { ListSettings } from '../list/settings.js';
import type { ReportBudget } from '../list/tally.js';
import { outcomeOf, publishOutputs, rendered } from '../outcome.js';
import { isProduction } from '../public/list-delete.js';
import type { ArrayFile } from '../../report/outputs.js';
import { apiPartsOf, summarizeAll, tellAll, type AllListResult, type WorkspaceCredentials } from './report.js';
import { ALL_LIST_INPUTS, apiKeyListing, parseAllList, type AllListSettings } from './settings.js';

export const KINDS = ['api-key', 'signing-key', 'public-key'] as const;

/** A workspace's section of the keys file for a kind: the API keys' is the workspace's own (as `list` writes it). */
const section = (workspace: string, kind: (typeof KINDS)[number]): string => (kind === 'api-key' ? workspace : `${workspace}\u0000${kind}`);

export const allListCommand: CommandDefinition<AllListSettings, AllListResult> = {
  inputs: ALL_LIST_INPUTS,
  manyWorkspaces: () => true,
  parse: parseAllList,
  run: async (context, settings, step) => {
    const file = context.openArrayFile();
    const budget = reportBudget((await context.workspaceSlugs()).length, context.now);
    const api = apiKeyListing(settings);
    const parts = await acrossWorkspaces(context, (client) => listEveryKind(context, client, api, { file, budget }));
    throwIfTheOnlyFailed(parts);
    const workspaces = parts.map((p) => p.workspace);
    const listed = succeeded(parts);
    publishOutputs(step, workspaces, (sink) => {
      const total = listed.reduce((n, { result: r }) => n + r.api.count + r.signing.length + r.publicKeys.length, 0);
      keysOutputs(
        file,
        listed.flatMap((p) => KINDS.map((kind) => section(p.workspace, kind))),
        total,
        sink
      );
      staleOutputs(
        listed.flatMap(({ result: r }) => [...r.api.stale.map((s) => s.key.id), ...r.signingStale.map((k) => k.id)]),
        sink
      );
    });
    return outcomeOf(workspaces, { parts, now: context.now }, [failure(parts, settings, api)]);
  },
  render: ({ result }, settings, context) =>
    rendered(
      context,
      (log) => {
        tellAll(result, settings, log, context.writesSummary);
      },
      () => summarizeAll(result, settings)
    )
};

/** One workspace's three listings, side by side; each kind's rows into its own section of the keys file. */
async function listEveryKind(
  context: CommandContext,
  client: SuprSendClient,
  api: ListSettings,
  out: { file: ArrayFile; budget: ReportBudget }
): Promise<WorkspaceCredentials> {
  const { workspace } = client;
  const [apiKeys, signing, publicKeys, production] = await Promise.all([
    listKeys(client, api, context.now, { ...out, kind: 'api-key' }),
    context.signingKeys(workspace).list(),
    context
      .publicKeys(workspace)
      .list()
      .then((keys) => keys.filter((k) => k.is_deleted !== true)),
    isProduction(context, workspace)
  ]);
  for (const [kind, keys] of [
    ['signing-key', signing],
    ['public-key', publicKeys]
  ] as const) {
    if (keys.length > 0)
      out.file.append(section(workspace, kind), JSON.stringify(keys.map((k) => ({ ...k, workspace, kind }))).slice(1, -1));
  }
  const { maxAgeDays } = api;
  const signingStale =
    maxAgeDays === undefined ? [] : signing.filter((k) => k.status === 'active' && isOlderThan(k, maxAgeDays, context.now));
  return { api: apiKeys, signing, signingStale, publicKeys, production };
}

/** Workspaces that could not be read, and (with 'fail-on-stale') stale API keys and stale signing keys: one message. */
function failure(parts: Part<WorkspaceCredentials>[], settings: AllListSettings, api: ListSettings): string | undefined {
  const staleSigning = succeeded(parts).filter((p) => p.result.signingStale.length > 0);
  const messages = [
    accountFailure(apiPartsOf(parts), api),
    settings.failOnStale && staleSigning.length > 0
      ? `The active signing key of ${staleSigning.map((p) => `'${p.workspace}'`).join(', ')} is older than ${settings.maxAgeDays} days: ` +
        "rotate it (command 'rotate' with 'key-type: signing-key')."
      : undefined
  ].filter((m): m is string => m !== undefined);
  return messages.length === 0 ? undefined : messages.join('\n');
}
