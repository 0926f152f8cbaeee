/** What `create` and `rotate` with 'key-type: public-key' publish and tell: the outputs, the log's lines, the summary. */
import { code, table, text } from '../../report/summary.js';
import type { PublicKey } from '../../suprsend/public-keys.js';
import type { Stored } from '../key-handover.js';

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
