/**
 * How `list` with 'key-type: all' tells what it found: each workspace's signing and public keys in
 * a line, the stale signing keys and the public keys exposed in production (warnings first, as they
 * are few and matter most), then the API keys as `list` tells them. The summary: the totals of every
 * kind, the stale and exposed credentials, the API keys' report, then a table of each other kind.
 */
import { textTable } from '../../report/log-table.js';
import { tellLines, type Log } from '../../report/log.js';
import { table, text } from '../../report/summary.js';
import type { PublicKey } from '../../suprsend/public-keys.js';
import type { SigningKey } from '../../suprsend/signing-keys.js';
import { succeeded, type Part } from '../across.js';
import { accountSummary, tellAccount } from '../list/account.js';
import type { ListResult } from '../list/tally.js';
import { exposed, exposedWarning, HEADERS as PUBLIC_HEADERS, row as publicRow, summaryCells } from '../public/report.js';
import { KEY_HEADERS as SIGNING_HEADERS, keyRow as signingRow, staleSigningKeyWarning } from '../signing/report.js';
import { apiKeyListing, type AllListSettings } from './settings.js';

/** What one workspace holds of each kind. */
export interface WorkspaceCredentials {
  api: ListResult;
  signing: SigningKey[];
  /** Active signing keys older than 'max-age-days'. */
  signingStale: SigningKey[];
  /** Public keys not deleted. */
  publicKeys: PublicKey[];
  /** Whether the account's listing says the workspace is in production mode. */
  production: boolean;
}

export interface AllListResult {
  parts: Part<WorkspaceCredentials>[];
  now: Date;
}

/** The API-key listing of each workspace, as `list` reports it. */
export function apiPartsOf(parts: Part<WorkspaceCredentials>[]): Part<ListResult>[] {
  return parts.map((p) => ('result' in p ? { workspace: p.workspace, result: p.result.api } : p));
}

const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`;

/** "6 API keys, 2 signing keys, 3 public keys in 2 workspaces; 3 stale (older than 90 days)". */
function totals(r: AllListResult, settings: AllListSettings): string {
  const listed = succeeded(r.parts).map((p) => p.result);
  const sum = (f: (c: WorkspaceCredentials) => number): number => listed.reduce((n, c) => n + f(c), 0);
  const stale = sum((c) => c.api.stale.length + c.signingStale.length);
  return (
    `${plural(
      sum((c) => c.api.count),
      'API key'
    )}, ${plural(
      sum((c) => c.signing.length),
      'signing key'
    )}, ` +
    `${plural(
      sum((c) => c.publicKeys.length),
      'public key'
    )} in ${plural(listed.length, 'workspace')}` +
    (settings.maxAgeDays === undefined ? '' : `; ${stale} stale (older than ${settings.maxAgeDays} days)`)
  );
}

interface SigningRow {
  workspace: string;
  key: SigningKey;
  stale: boolean;
}
interface PublicRow {
  workspace: string;
  key: PublicKey;
  production: boolean;
}

/** Every workspace's signing and public keys as rows naming their workspace. */
function rowsOf(r: AllListResult): { signing: SigningRow[]; publicKeys: PublicRow[] } {
  const listed = succeeded(r.parts);
  return {
    signing: listed.flatMap(({ workspace, result }) =>
      result.signing.map((key) => ({ workspace, key, stale: result.signingStale.includes(key) }))
    ),
    publicKeys: listed.flatMap(({ workspace, result }) =>
      result.publicKeys.map((key) => ({ workspace, key, production: result.production }))
    )
  };
}

const signingTable = (rows: SigningRow[], now: Date): string =>
  table(
    ['Workspace', ...SIGNING_HEADERS],
    rows.map((s) => [s.workspace, ...signingRow(s.key, now, s.stale)].map(text))
  );

const publicTable = (rows: PublicRow[]): string =>
  table(
    ['Workspace', ...PUBLIC_HEADERS],
    rows.map((p) => [text(p.workspace), ...summaryCells(publicRow(p.key, p.production))])
  );

/** A line per workspace, the signing and public keys as tables, the warnings, then the API keys as `list` tells them. */
export function tellAll(r: AllListResult, settings: AllListSettings, log: Log, writesSummary: boolean): void {
  const { signing, publicKeys } = rowsOf(r);
  for (const { workspace, result: c } of succeeded(r.parts)) {
    const active = c.signing.filter((k) => k.status === 'active').length;
    log.info(
      `Workspace '${workspace}': ${plural(c.signing.length, 'signing key')} (${active} active), ${plural(c.publicKeys.length, 'public key')}.`
    );
  }
  if (signing.length > 0) {
    const rows = signing.map(({ workspace, key, stale }) => [workspace, ...signingRow(key, r.now, stale)]);
    tellLines(
      log,
      `The ${plural(signing.length, 'signing key')}`,
      textTable([['WORKSPACE', ...SIGNING_HEADERS.map((h) => h.toUpperCase())], ...rows])
    );
  }
  if (publicKeys.length > 0) {
    const rows = publicKeys.map(({ workspace, key, production }) => [workspace, ...publicRow(key, production)]);
    tellLines(
      log,
      `The ${plural(publicKeys.length, 'public key')}`,
      textTable([['WORKSPACE', ...PUBLIC_HEADERS.map((h) => h.toUpperCase())], ...rows])
    );
  }
  // Stale signing keys and exposed public keys are annotated first, then the API keys', all within GitHub's 10.
  const first = [
    ...signing.filter((s) => s.stale).map(({ workspace, key }) => staleSigningKeyWarning(key, workspace, settings.maxAgeDays)),
    ...publicKeys.filter((p) => exposed(p.key, p.production)).map(({ workspace, key }) => exposedWarning(key, workspace))
  ];
  log.info('API keys, by workspace:');
  tellAccount(apiPartsOf(r.parts), apiKeyListing(settings), log, writesSummary, first);
}

/** The totals; the stale signing keys and the exposed public keys; the API keys' report; a table of each other kind. */
export function summarizeAll(r: AllListResult, settings: AllListSettings): string {
  const { signing, publicKeys } = rowsOf(r);
  const lines = [`### Every credential: ${totals(r, settings)}`, ''];
  const staleSigning = signing.filter((s) => s.stale);
  if (staleSigning.length > 0) lines.push('#### Stale signing keys', '', signingTable(staleSigning, r.now), '');
  const open = publicKeys.filter((p) => exposed(p.key, p.production));
  if (open.length > 0) lines.push('#### Public keys without secure mode in production workspaces', '', publicTable(open), '');
  lines.push(
    accountSummary(apiPartsOf(r.parts), apiKeyListing(settings), '#### API keys:'),
    '#### Signing keys',
    '',
    signing.length === 0 ? 'No signing key.' : signingTable(signing, r.now),
    '',
    '#### Public keys',
    '',
    publicKeys.length === 0 ? 'No public key.' : publicTable(publicKeys),
    ''
  );
  return lines.join('\n');
}
