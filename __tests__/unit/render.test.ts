/**
 * A command's outcome is plain data, rendered by a pure function into log entries and a summary:
 * rendered twice it gives the same, it prints nothing, and the step's warning budget is respected.
 * Replaying the entries prints them in order through the step's log.
 */
import { describe, expect, it } from '@jest/globals';
import type { CommandOutcome } from '../../src/commands/command.js';
import { deleteCommand } from '../../src/commands/delete/index.js';
import type { DeleteResult } from '../../src/commands/delete/run.js';
import type { DeleteSettings } from '../../src/commands/delete/settings.js';
import { listCommand, type ListOutcome } from '../../src/commands/list/index.js';
import { parseList } from '../../src/commands/list/settings.js';
import { summarizeKeys } from '../../src/commands/list/tally.js';
import { allListCommand } from '../../src/commands/all/list.js';
import type { AllListResult } from '../../src/commands/all/report.js';
import { parseAllList } from '../../src/commands/all/settings.js';
import { inputReader } from '../../src/inputs/read.js';
import { recordingLog, replay } from '../../src/report/log-record.js';
import type { Log } from '../../src/report/log.js';
import type { ApiKey } from '../../src/suprsend/types.js';

const now = new Date('2026-11-30T12:00:00Z');
const key = (id: string, days: number): ApiKey => ({
  id,
  name: 'api',
  is_active: true,
  created_at: new Date(now.getTime() - days * 86_400_000).toISOString()
});

describe('rendering an outcome', () => {
  const settings = parseList(
    inputReader((name) => ({ 'max-age-days': '90' })[name as string] ?? ''),
    {}
  );
  const keys = Array.from({ length: 12 }, (_, i) => key(`k${i}`, 100 + i));
  const outcome: CommandOutcome<ListOutcome> = {
    status: 'done',
    workspaces: ['staging'],
    result: { parts: [{ workspace: 'staging', result: summarizeKeys(keys, settings, { workspace: 'staging', now }) }] }
  };

  it('is pure: the same outcome renders the same, and the warnings stay within what the step has left', () => {
    const first = listCommand.render(outcome, settings, { warningsLeft: 3, writesSummary: true });
    expect(listCommand.render(outcome, settings, { warningsLeft: 3, writesSummary: true })).toEqual(first);
    const warnings = first.log.filter((e) => e.kind === 'warning');
    expect(warnings).toHaveLength(3);
    // The oldest two, then how many more.
    expect(
      warnings.map((w) => ('text' in w ? (/^Key "api" \((k\d+)\)|^(\d+) more stale/.exec(w.text) ?? []).slice(1).join('') : ''))
    ).toEqual(['k11', 'k10', '10']);
    expect(first.summary).toMatch(/^### 12 keys in `staging`, 12 stale \(older than 90 days\)\n/);
    // Without a summary, no line points to one.
    const quiet = listCommand.render(outcome, settings, { warningsLeft: 10, writesSummary: false });
    expect(JSON.stringify(quiet.log)).not.toContain('job summary');
  });

  it("a delete dry run's outcome is 'planned', and says what would be disabled", () => {
    const result: DeleteResult = {
      workspace: 'staging',
      selection: { by: 'id', keyIds: ['k1'] },
      dryRun: true,
      planned: [key('k1', 5)],
      disabled: [],
      alreadyDisabled: [],
      kept: [],
      undated: [],
      failed: [],
      otherCase: []
    };
    const settings: DeleteSettings = { command: 'delete', selection: result.selection, dryRun: true };
    const rendering = deleteCommand.render(
      { status: 'planned', workspaces: ['staging'], result: [{ workspace: 'staging', result }] },
      settings,
      { warningsLeft: 10, writesSummary: true }
    );
    expect(rendering.log.map((e) => ('text' in e ? e.text : e.title)).join('\n')).toMatch(/would be disabled|Dry run/);
  });

  it('records and replays in order; a renderer may not mask, fail the step or write debug lines', () => {
    const { log, entries } = recordingLog(1);
    log.info('one');
    log.warning('two', 'T');
    log.group('three', ['a', 'b']);
    log.notice('four');
    expect(log.warningsLeft()).toBe(0);
    expect(() => {
      log.mask('x');
    }).toThrow('a renderer does not mask secrets');
    expect(() => {
      log.fail('x');
    }).toThrow('a renderer does not fail the step');
    const printed: string[] = [];
    const target = {
      info: (m: string) => printed.push(`info ${m}`),
      warning: (m: string, t?: string) => printed.push(`warning ${m} ${t}`),
      group: (t: string, lines: string[]) => printed.push(`group ${t} ${lines.join(',')}`),
      notice: (m: string, t?: string) => printed.push(`notice ${m} ${String(t)}`)
    } as unknown as Log;
    replay(entries, target);
    expect(printed).toEqual(['info one', 'warning two T', 'group three a,b', 'notice four undefined']);
  });

  it('an audit of every kind annotates stale signing keys and exposed public keys first, all within the warnings the step has left', () => {
    const all = parseAllList(inputReader((name) => ({ 'max-age-days': '90' })[name as string] ?? ''));
    const workspaces = Array.from({ length: 8 }, (_, i) => `prod-${i}`);
    const result: AllListResult = {
      now,
      parts: workspaces.map((workspace, i) => {
        const signingKey = { id: `ws_signk_${i}`, uid: `signing_key_${i}`, status: 'active', created_at: key('x', 200).created_at };
        return {
          workspace,
          result: {
            api: summarizeKeys([key(`ws_apik_${i}`, 100)], settings, { workspace, now }),
            signing: [signingKey],
            signingStale: [signingKey],
            publicKeys: [{ id: `ws_pubk_${i}`, name: 'default', api_key: `SS.PUBK.${i}`, is_default: true, is_secure_mode_enabled: false }],
            production: true
          }
        };
      })
    };
    const outcome: CommandOutcome<AllListResult> = { status: 'done', workspaces, result };
    const { log } = allListCommand.render(outcome, all, { warningsLeft: 10, writesSummary: true });
    const warnings = log.filter((e) => e.kind === 'warning').map((w) => ('text' in w ? w.text : ''));
    // 8 stale signing keys, 8 exposed public keys, 8 stale API keys, in that order: 9 annotated, then one saying how many more.
    expect(warnings).toHaveLength(10);
    expect(warnings.slice(0, 8).every((w) => w.startsWith('The active signing key ws_signk_'))).toBe(true);
    expect(warnings[8]).toMatch(/^Public key "default" \(ws_pubk_0\) in production workspace 'prod-0' has secure mode off/);
    expect(warnings[9]).toMatch(/^15 more stale, undated or exposed credentials are not annotated \(GitHub shows 10 warnings a step\)/);
    const group = log.find((e) => e.kind === 'group');
    expect(group !== undefined && 'lines' in group ? group.lines : []).toHaveLength(15);
  });
});
