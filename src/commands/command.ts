/**
 * What a command is: the inputs it reads, how it parses them, how it runs (its whole story,
 * returning a plain outcome), and how that outcome is rendered. The action runs any command the
 * same way (`src/action/main.ts`); adding one means a folder here and a line in `registry.ts`.
 */
import type { PreparedSecret } from '../github/secrets-api.js';
import type { PreparedVariable } from '../github/variables-api.js';
import type { IssueTracker } from '../github/issues-api.js';
import type { IssueTarget, SecretTarget, VariableTarget } from '../github/target.js';
import type { InputReader } from '../inputs/read.js';
import type { InputName } from '../names.js';
import type { LogEntry } from '../report/log-record.js';
import type { Log } from '../report/log.js';
import type { ArrayFile, OutputSink } from '../report/outputs.js';
import type { SuprSendClient } from '../suprsend/client.js';
import type { SigningKeyClient } from '../suprsend/signing-keys.js';
import type { PublicKeyClient } from '../suprsend/public-keys.js';

export type Env = Record<string, string | undefined>;

export interface CommandContext {
  /** The one workspace's client, for commands that cover one (settings guarantee exactly one slug). */
  client: SuprSendClient;
  /** A workspace's signing keys ('key-type: signing-key'): the one workspace's, unless another is named. */
  signingKeys: (workspace?: string) => SigningKeyClient;
  /** A workspace's public keys ('key-type: public-key'): the one workspace's, unless another is named. */
  publicKeys: (workspace?: string) => PublicKeyClient;
  /** The covered workspaces: the slugs given, or the account's, listed once. */
  workspaceSlugs: () => Promise<string[]>;
  /** Every workspace of the account, listed once when first asked (for "did you mean"). */
  accountWorkspaces: () => Promise<string[]>;
  /** A workspace's mode ('production', …) as the account's listing says, when it does. */
  workspaceMode: (slug: string) => Promise<string | undefined>;
  clientFor: (workspace: string) => SuprSendClient;
  log: Log;
  /** A JSON array file written while it is made (the keys file), redacted; removed if the step fails. */
  openArrayFile: () => ArrayFile;
  env: Env;
  now: Date;
  /** Saves a value for the post step (GITHUB_STATE). */
  saveState: (name: string, value: string) => void;
  /**
   * Asks GitHub everything it can refuse about a secret target (token, repository, environment,
   * organization, selected repositories, its public key) and returns the writer: called before a
   * key is minted, so that a refusal creates nothing in SuprSend.
   */
  prepareSecret: (target: SecretTarget) => Promise<PreparedSecret>;
  /** The same for a public key's GitHub Actions variable (src/github/variables-api.ts). */
  prepareVariable: (target: VariableTarget) => Promise<PreparedVariable>;
  /** Whether the step writes a job summary ('summary'): the log points to it only then. */
  writesSummary: boolean;
  /** Checks that a new key works, against SuprSend's hub at `hubUrl` (src/suprsend/hub.ts). */
  verifyKey: (secret: string, hubUrl: URL) => Promise<void>;
  /** The audit's tracking issue in the workflow's repository, through the guarded GitHub client (src/github/issues-api.ts). */
  trackingIssue: (target: IssueTarget) => Promise<IssueTracker>;
}

/** The step, as a running command publishes to it: the outputs (only 'api-key' may carry a secret; the rest redacted). */
export interface StepPort {
  outputs: OutputSink;
}

/**
 * What a command did, as plain data, returned once its whole story ran (its outputs published, a
 * new key handed over, the work after done): 'planned' for a dry run, which changed nothing;
 * 'done'; 'failed' when it did what it could and the step must fail with `failure`, written after
 * the log and the summary. A command's `render` turns it into those.
 */
export type CommandOutcome<R> =
  { status: 'planned' | 'done'; workspaces: string[]; result: R } | { status: 'failed'; workspaces: string[]; result: R; failure: string };

/** What a renderer needs of the step besides the outcome. */
export interface RenderContext {
  /** How many more warning annotations GitHub shows for this step. */
  warningsLeft: number;
  /** Whether a job summary is written ('summary'): the log points to it only then. */
  writesSummary: boolean;
}

/** An outcome rendered for people: the log's lines and annotations, in order, and the job summary. */
export interface Rendering {
  log: LogEntry[];
  summary: string;
}

export interface CommandDefinition<S, R> {
  /** The inputs this command reads besides the connection's and 'summary'; others that are set get a warning. */
  inputs: readonly InputName[];
  /** Whether these settings may cover several workspaces (or '*'); otherwise 'workspace' must be exactly one slug. */
  manyWorkspaces: (settings: S) => boolean;
  parse: (input: InputReader, env: Env) => S;
  /**
   * The command's whole story, in order: plan, mint, hand over (src/commands/key-handover.ts, up to
   * the commit point), publish the outputs to `step`, the work that only follows them. Throws when it
   * could do nothing (nothing was published); otherwise returns what it did.
   */
  run: (context: CommandContext, settings: S, step: StepPort) => Promise<CommandOutcome<R>>;
  /** Pure: the outcome as the log's lines, annotations and the summary. */
  render: (outcome: CommandOutcome<R>, settings: S, context: RenderContext) => Rendering;
}
