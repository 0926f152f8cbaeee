/**
 * What both steps open first: the settings (credentials masked as they are read), and
 * SuprSend clients wired to the log, one per workspace, all behind one bound on requests
 * in flight. The account's workspaces are listed once, when first asked for.
 */
import { parseSettings, type Settings } from '../commands/settings.js';
import { ActionError } from '../errors.js';
import type { PreparedSecret } from '../github/secrets-api.js';
import type { PreparedVariable } from '../github/variables-api.js';
import type { IssueTracker } from '../github/issues-api.js';
import type { IssueTarget, SecretTarget, VariableTarget } from '../github/target.js';
import { limitInFlight, MAX_IN_FLIGHT } from '../net/limit.js';
import type { Log } from '../report/log.js';
import { SuprSendClient } from '../suprsend/client.js';
import { SigningKeyClient } from '../suprsend/signing-keys.js';
import { PublicKeyClient } from '../suprsend/public-keys.js';
import type { ClientDeps } from '../suprsend/types.js';
import { verifyKey } from '../suprsend/hub.js';
import { listWorkspaces, type Workspace } from '../suprsend/workspaces.js';
import { USER_AGENT } from '../version.js';
import type { Deps } from './deps.js';

export interface Session {
  settings: Settings;
  /** The client of the one workspace a single-workspace command covers. */
  client: () => SuprSendClient;
  /** The same workspace's signing keys, or another's. */
  signingKeys: (workspace?: string) => SigningKeyClient;
  /** The same workspace's public keys, or another's. */
  publicKeys: (workspace?: string) => PublicKeyClient;
  clientFor: (workspace: string) => SuprSendClient;
  workspaceSlugs: () => Promise<string[]>;
  accountWorkspaces: () => Promise<string[]>;
  /** A workspace's mode ('production', …) as the account's listing says, when it does. */
  workspaceMode: (slug: string) => Promise<string | undefined>;
  /** GitHub's side of a secret write, asked before a key is minted (src/github/secrets-api.ts). */
  prepareSecret: (target: SecretTarget) => Promise<PreparedSecret>;
  /** The same for a public key's variable (src/github/variables-api.ts). */
  prepareVariable: (target: VariableTarget) => Promise<PreparedVariable>;
  /** The hub's check of a new key, under the connection's deadline and retries. */
  verifyKey: (secret: string, hubUrl: URL) => Promise<void>;
  /** The audit's tracking issue, through the same guarded GitHub client. */
  trackingIssue: (target: IssueTarget) => Promise<IssueTracker>;
}

export function openSession(deps: Deps, log: Log): Session {
  const settings = parseSettings((name) => deps.core.getInput(name), deps.env, log.mask);
  const clientDeps: ClientDeps = {
    transport: limitInFlight(deps.transport, MAX_IN_FLIGHT),
    debug: log.debug,
    warning: log.warning,
    onSecret: log.mask,
    sleep: deps.sleep,
    now: deps.now,
    random: deps.random,
    userAgent: USER_AGENT
  };
  // GitHub's requests and the hub's key check get the same guards as SuprSend's: the transport, the deadline, the retries.
  const guarded = {
    transport: deps.transport,
    timeoutMs: settings.connection.timeoutMs,
    retries: settings.connection.retries,
    sleep: deps.sleep,
    now: deps.now,
    random: deps.random,
    debug: log.debug,
    userAgent: USER_AGENT
  };
  const clients = new Map<string, SuprSendClient>();
  const clientFor = (workspace: string): SuprSendClient => {
    const client = clients.get(workspace) ?? new SuprSendClient(settings.connection, workspace, clientDeps);
    clients.set(workspace, client);
    return client;
  };
  const { workspaces } = settings;
  const onlyWorkspace = (): string => {
    const only = workspaces.kind === 'slugs' && workspaces.slugs.length === 1 ? workspaces.slugs[0] : undefined;
    if (only === undefined) throw new ActionError('This command covers exactly one workspace.');
    return only;
  };
  let listed: Promise<Workspace[]> | undefined;
  const account = (): Promise<Workspace[]> => (listed ??= listWorkspaces(settings.connection, clientDeps));
  const accountWorkspaces = async (): Promise<string[]> => (await account()).map((w) => w.slug);
  return {
    settings,
    clientFor,
    client: () => clientFor(onlyWorkspace()),
    signingKeys: (workspace) => new SigningKeyClient(settings.connection, workspace ?? onlyWorkspace(), clientDeps),
    publicKeys: (workspace) => new PublicKeyClient(settings.connection, workspace ?? onlyWorkspace(), clientDeps),
    // Loaded on demand, with Octokit and the sealed box: other runs should not pay for them.
    prepareSecret: async (target) => (await loadGitHubPart(() => import('../github/secrets-api.js'))).prepareSecret(target, guarded),
    prepareVariable: async (target) => (await loadGitHubPart(() => import('../github/variables-api.js'))).prepareVariable(target, guarded),
    trackingIssue: async (target) => (await loadGitHubPart(() => import('../github/issues-api.js'))).openIssueTracker(target, guarded),
    accountWorkspaces,
    workspaceMode: async (slug) => (await account()).find((w) => w.slug === slug)?.mode,
    verifyKey: (secret, hubUrl) => verifyKey(secret, { hubUrl, timeoutMs: guarded.timeoutMs, retries: guarded.retries }, guarded),
    workspaceSlugs: () => (workspaces.kind === 'all' ? accountWorkspaces() : Promise.resolve(workspaces.slugs))
  };
}

/** A GitHub part of the bundle (a chunk of its own); a copy of the action missing it says so, never "Unexpected". */
async function loadGitHubPart<M>(load: () => Promise<M>): Promise<M> {
  try {
    return await load();
  } catch (error) {
    throw new ActionError(
      `The action's GitHub client could not be loaded (${error instanceof Error ? error.message : String(error)}): its copy of dist/ is incomplete. ` +
        'Use a released version of the action (uses: owner/suprsend-key-action@v1), or run npm run bundle.'
    );
  }
}
