/** What the public-key commands publish and tell: a listing's rows and warnings; `create` and `rotate`'s outputs, log lines and summary. */
import { code, table, text } from '../../report/summary.js';
import type { PublicKey } from '../../suprsend/public-keys.js';
import type { Stored } from '../key-handover.js';
import type { Annotation } from '../list/report.js';

export interface PublicMintResult {
  workspace: string;
  /** The key before a rotate. */
  before?: PublicKey;
  /** The key as it now is (created or rotated); undefined in a dry run. */
  key?: PublicKey;
  /** Where the value was stored as a GitHub Actions variable ('variable-name'), and its name. */
  stored?: Stored & { variable: string };
  /** What a dry run would do, in words. */
  planned?: string;
}

type PublicOutput = 'key-id' | 'public-key' | 'created' | 'api-key';

export function mintOutputs(result: PublicMintResult): (sink: { setOutput: (name: PublicOutput, value: string) => void }) => void {
  return ({ setOutput }) => {
    setOutput('key-id', result.key?.id ?? result.before?.id ?? '');
    setOutput('public-key', result.key?.api_key ?? '');
    setOutput('created', result.key !== undefined && result.before === undefined ? 'true' : 'false');
    setOutput('api-key', '');
  };
}

export const describeKey = (key: PublicKey): string => `public key ${JSON.stringify(key.name ?? '')} (${key.id})`;

interface MintLog {
  info: (m: string) => void;
  warning: (m: string, t?: string) => void;
}

export function tellMint(r: PublicMintResult, rotate: boolean, log: MintLog): void {
  if (r.planned !== undefined) {
    log.info(`Dry run: nothing is changed; ${r.planned}.`);
    return;
  }
  if (r.key === undefined) return;
  if (rotate && r.before !== undefined) {
    log.info(
      `Rotated ${describeKey(r.key)} in workspace '${r.workspace}': same id, new value ${r.key.api_key ?? ''} (in the 'public-key' output).`
    );
    log.warning(
      `The old value of ${describeKey(r.key)} in workspace '${r.workspace}' no longer works: every client still sending it breaks until it gets the new one (SuprSend keeps no overlap).`,
      'Public key rotated'
    );
  } else {
    log.info(`Created ${describeKey(r.key)} in workspace '${r.workspace}': its value is in the 'public-key' output.`);
  }
  log.info(`Secure mode is ${r.key.is_secure_mode_enabled === true ? 'on' : 'off'} for it.`);
  const { stored } = r;
  if (stored === undefined) return;
  log.info(`Stored the value as ${stored.where}: workflows read it as \${{ vars.${stored.variable} }}.`);
  for (const line of [stored.accessNote, stored.settled]) if (line !== undefined) log.info(line);
}

export function mintSummary(r: PublicMintResult, rotate: boolean): string {
  const title =
    r.planned !== undefined ? 'Dry run: SuprSend public key' : rotate ? 'SuprSend public key rotated' : 'SuprSend public key created';
  const key = r.key ?? r.before;
  const rows =
    key === undefined
      ? []
      : [[text(key.name), code(key.id), code(r.key?.api_key ?? ''), text(r.key?.is_secure_mode_enabled === true ? 'on' : 'off')]];
  return [
    `### ${title} in \`${r.workspace}\``,
    '',
    ...(r.planned !== undefined ? [text(r.planned), ''] : []),
    table(['Name', 'Key id', 'Value', 'Secure mode'], rows),
    '',
    ...(r.stored === undefined ? [] : [text(`Stored as ${r.stored.where}.`), ''])
  ].join('\n');
}

/** In a production workspace, a key without secure mode lets anyone who has it act as any user: flagged. */
export const exposed = (k: PublicKey, production: boolean): boolean => production && k.is_secure_mode_enabled !== true;

/** A public key's row in a listing: name, id, value, default, secure mode (marked when exposed). */
export const row = (k: PublicKey, production: boolean): string[] => [
  k.name ?? '',
  k.id,
  k.api_key ?? '',
  k.is_default === true ? 'yes' : '',
  k.is_secure_mode_enabled === true ? 'on' : exposed(k, production) ? 'off ⚠️' : 'off'
];
export const HEADERS = ['Name', 'Key id', 'Value', 'Default', 'Secure mode'];

/** A row's cells for the summary: the id and the value as code, the rest as text. */
export const summaryCells = (cells: string[]): string[] => cells.map((cell, i) => (i === 1 || i === 2 ? code(cell) : text(cell)));

/** The warning for a public key with secure mode off in a production workspace. */
export function exposedWarning(key: PublicKey, workspace: string): Annotation {
  return {
    text:
      `Public key ${JSON.stringify(key.name ?? '')} (${key.id}) in production workspace '${workspace}' has secure mode off: ` +
      'SuprSend accepts it without a signed user token, so anyone with the key (it ships in your front end) can act as any user. ' +
      "Once your backend signs user tokens, turn secure mode on in SuprSend's dashboard, or with 'secure-mode: on' when you next create or rotate a public key.",
    title: 'Public key without secure mode in production'
  };
}
