/**
 * What a command is: the inputs it reads, how it parses them, how it runs, and what it
 * reports. The action runs any command the same way (`src/action/main.ts`); adding one
 * means a folder here and a line in `registry.ts`.
 */
import type { PreparedSecret } from '../github/secrets-api.js';
import type { IssueTracker } from '../github/issues-api.js';
import type { IssueTarget, SecretTarget } from '../github/target.js';
import type { InputReader } from '../inputs/read.js';
import type { InputName } from '../names.js';
import type { Log } from '../report/log.js';
import type { ArrayFile, OutputSink } from '../report/outputs.js';
import type { SuprSendClient } from '../suprsend/client.js';

export type Env = Record<string, string | undefined>;

export interface CommandContext {
  /** The one workspace's client, for commands that cover one (settings guarantee exactly one slug). */
  client: SuprSendClient;
  /** The covered workspaces: the slugs given, or the account's, listed once. */
  workspaceSlugs: () => Promise<string[]>;
  /** Every workspace of the account, listed once when first asked (for "did you mean"). */
  accountWorkspaces: () => Promise<string[]>;
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
  /** Whether the step writes a job summary ('summary'): the log points to it only then. */
  writesSummary: boolean;
  /** Checks that a new key works, against SuprSend's hub at `hubUrl` (src/suprsend/hub.ts). */
  verifyKey: (secret: string, hubUrl: URL) => Promise<void>;
  /** The audit's tracking issue in the workflow's repository, through the guarded GitHub client (src/github/issues-api.ts). */
  trackingIssue: (target: IssueTarget) => Promise<IssueTracker>;
}

/** What a command did, ready to be reported. `failure` fails the step after outputs and summary are written. */
export interface CommandReport {
  /** The workspace slugs this step covered, in order: the 'workspaces' output. */
  workspaces: string[];
  /**
   * A key this step created, and how to pass it on before the outputs are written (the GitHub secret,
   * the post step's state): `store` returns where a secret now holds it. Handed over by
   * `handOverNewKey`: disabled again on a failure before the commit point, never after it.
   */
  newKey?: { id: string; verify?: () => Promise<void>; store: () => Promise<string | undefined> };
  outputs: (sink: OutputSink) => void;
  /**
   * Work done once the result is handed over and the outputs are written (rotate: disabling the
   * older keys), with the outputs that only it can tell. Never rolls anything back.
   */
  finish?: (sink: OutputSink) => Promise<void>;
  /** Lines for the step log, and annotations. */
  tell: (log: Log) => void;
  summary: () => string;
  /** Read after `finish`: a command may set it there. */
  failure?: string;
}

export interface CommandDefinition<S> {
  /** The inputs this command reads besides the connection's and 'summary'; others that are set get a warning. */
  inputs: readonly InputName[];
  /** Whether these settings may cover several workspaces (or '*'); otherwise 'workspace' must be exactly one slug. */
  manyWorkspaces: (settings: S) => boolean;
  parse: (input: InputReader, env: Env) => S;
  run: (context: CommandContext, settings: S) => Promise<CommandReport>;
}
