/**
 * Safety rails, end to end through dist/ with action.yml's defaults passed as the runner passes them:
 * an input that narrows or guards a command is never ignored, a name's last key is never cut by a
 * cleanup by age unless asked, dates are read strictly, an empty 'api-key' is not a quiet success,
 * and typos get a hint. One test per row of issue #24's table.
 */
import { describe, expect, it } from '@jest/globals';
import { MOCK_TOKEN } from '../../tools/mock-server.js';
import { deletes, type Harness, logOf, NODES, theError, withMock } from '../../test-support/e2e.js';
import { ago, DAY } from '../../test-support/util.js';

const [, node] = NODES[0]!;
const writes = (h: Harness): string[] => h.mock.requests.filter((r) => r.method !== 'GET').map((r) => r.method);

describe('inputs that narrow or guard a command are never ignored', () => {
  it.each([
    [
      { command: 'delete', name: 'api', 'max-age-days': '365' },
      "Input 'max-age-days': does not apply to command 'delete'; to disable keys by age, use 'older-than-days'"
    ],
    [{ command: 'rotate', name: 'api', 'older-than-days': '365' }, "Input 'older-than-days': does not apply to command 'rotate'"],
    [{ command: 'list', keep: '1' }, "Input 'keep': does not apply to command 'list'"],
    [{ name: 'api', 'if-exists': 'skip', ephemeral: 'true' }, "Input 'ephemeral': and 'if-exists: skip' are both set"],
    [{ command: 'rotate', name: 'api', keep: '0' }, "Input 'keep': must be 1 or more for command 'rotate'"]
  ])('%j fails before any request, and no key is touched', async (inputs, message) => {
    await withMock(node, {}, async (h) => {
      h.mock.addKey('staging', { name: 'api', created_at: ago(100 * DAY) });
      h.mock.addKey('staging', { name: 'api', created_at: ago(200 * DAY) });
      expect(theError(await h.run(inputs))).toContain(message);
      expect(h.mock.requests).toEqual([]);
    });
  });

  it('create with dry-run: true creates nothing and says what it would create', async () => {
    await withMock(node, {}, async (h) => {
      const result = await h.run({ name: 'api', 'dry-run': 'true' });
      expect(result.exitCode).toBe(0);
      expect(writes(h)).toEqual([]);
      expect(logOf(result)).toEqual(['Dry run: nothing is created. A key named "api" would be created in workspace \'staging\'.']);
      expect(result.outputs).toMatchObject({ created: 'false', 'key-id': '' });
      expect(result.outputs['api-key']).toBeUndefined();
      expect(result.summary).toMatch(/^### Dry run: SuprSend API key not created/);
    });
  });
});

describe("a name's last key", () => {
  it('a cleanup by age keeps the newest key of each name, and says so; keep: 0 disables it too', async () => {
    await withMock(node, {}, async (h) => {
      const worker = h.mock.addKey('staging', { name: 'worker', created_at: ago(300 * DAY) });
      const apiOld = h.mock.addKey('staging', { name: 'api', created_at: ago(200 * DAY) });
      const apiNew = h.mock.addKey('staging', { name: 'api', created_at: ago(100 * DAY) });
      const result = await h.run({ command: 'delete', 'older-than-days': '90' });
      expect(result.exitCode).toBe(0);
      expect(deletes(h)).toEqual([apiOld.id]);
      const log = logOf(result);
      expect(log.find((l) => l.includes(worker.id))).toMatch(
        /kept: the newest named "worker": cleanup by age never disables a name's last key unless 'keep: 0' is set\.$/
      );
      expect(log.find((l) => l.includes(apiNew.id))).toMatch(/kept: the newest named "api"/);
      await h.run({ command: 'delete', 'older-than-days': '90', keep: '0' });
      expect(deletes(h).sort()).toEqual([apiOld.id, worker.id, apiNew.id].sort());
    });
  });

  it("across the account ('*') too", async () => {
    await withMock(node, { workspaces: ['staging', 'production'] }, async (h) => {
      const only = h.mock.addKey('production', { name: 'worker', created_at: ago(300 * DAY) });
      const result = await h.run({ command: 'delete', workspace: '*', 'older-than-days': '90' });
      expect(result.exitCode).toBe(0);
      expect(deletes(h)).toEqual([]);
      expect(result.stdout).toContain(only.id);
    });
  });

  it('delete by name alone still disables every key of the name (what was asked)', async () => {
    await withMock(node, {}, async (h) => {
      const a = h.mock.addKey('staging', { name: 'api' });
      const b = h.mock.addKey('staging', { name: 'api' });
      expect((await h.run({ command: 'delete', name: 'api' })).exitCode).toBe(0);
      expect(deletes(h).sort()).toEqual([a.id, b.id].sort());
    });
  });
});

describe('dates are read strictly', () => {
  it.each(['0', '1', '-1', 'N/A 0', 'May 5', '2021-06-31T00:00:00Z'])(
    'a created_at of %j is an unknown age: never disabled by age, never stale',
    async (createdAt) => {
      await withMock(node, {}, async (h) => {
        const odd = h.mock.addKey('staging', { name: 'odd', created_at: createdAt });
        h.mock.addKey('staging', { name: 'odd', created_at: ago(1 * DAY) });
        const cleanup = await h.run({ command: 'delete', 'older-than-days': '30', keep: '0' });
        expect(cleanup.exitCode).toBe(0);
        expect(deletes(h)).toEqual([]);
        expect(logOf(cleanup).find((l) => l.includes(odd.id))).toMatch(/not disabled: no readable created_at, so its age is unknown\.$/);
        const audit = await h.run({ command: 'list', 'max-age-days': '30' });
        expect(audit.outputs['stale-count']).toBe('0');
        expect(audit.warnings.join('\n')).toContain(`(${odd.id}) in workspace 'staging' has no readable created_at`);
      });
    }
  );

  it('a created_at without a zone selects the same keys under any TZ (read as UTC)', async () => {
    const selected: string[] = [];
    for (const tz of ['UTC', 'Pacific/Kiritimati', 'America/Adak']) {
      await withMock(node, {}, async (h) => {
        // 30 days ago in UTC, 2.4 hours past the line: read as local time, America/Adak (UTC-10) would put it 10 hours later.
        const zoneless = new Date(Date.now() - 30 * DAY).toISOString().slice(0, 19);
        const nearLine = h.mock.addKey('staging', { name: 'z', created_at: zoneless });
        h.mock.addKey('staging', { name: 'z', created_at: ago(1 * DAY) });
        const result = await h.run({ command: 'delete', 'older-than-days': '29.9', keep: '0', 'dry-run': 'true' }, { env: { TZ: tz } });
        selected.push(String((JSON.parse(result.outputs['planned-key-ids'] ?? '[]') as string[]).includes(nearLine.id)));
      });
    }
    expect(selected).toEqual(['true', 'true', 'true']);
  });
});

describe('empty keys are not a success', () => {
  it('if-exists: skip reusing a key without secret-name warns that api-key is empty', async () => {
    await withMock(node, {}, async (h) => {
      h.mock.addKey('staging', { name: 'api' });
      const result = await h.run({ name: 'api', 'if-exists': 'skip' });
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toMatch(/^::warning title=The api-key output is empty::'api-key' is empty: 'if-exists: skip' reused key/m);
    });
  });
});

describe('typos get a hint', () => {
  it.each([['ServiceToken'], ['Bearer']])('a service token pasted with "%s " is refused naming the word, and masked', async (word) => {
    await withMock(node, {}, async (h) => {
      const result = await h.run({ 'service-token': `${word} ${MOCK_TOKEN}`, command: 'list' });
      expect(theError(result)).toBe(
        `Input 'service-token': starts with "${word} ", the word that goes before a token in an Authorization header; the action adds it itself. Give the token alone: drop "${word} ".`
      );
      expect(result.stdout).toContain(`::add-mask::${MOCK_TOKEN}`);
      expect(h.mock.requests).toEqual([]);
    });
  });

  it("a workspace SuprSend does not know lists the account's workspaces and the closest one", async () => {
    await withMock(node, { workspaces: ['staging', 'production', 'eu-1'] }, async (h) => {
      for (const inputs of [{ command: 'list' }, { name: 'api' }] as Record<string, string>[]) {
        const error = theError(await h.run({ ...inputs, workspace: 'prodution' }));
        expect(error).toMatch(
          /^Workspace 'prodution' was not found \(HTTP 404.* Did you mean 'production'\? The account's workspaces: staging, production, eu-1\.$/
        );
      }
    });
  });

  it('a name that matches only when case is ignored says which names exist', async () => {
    await withMock(node, {}, async (h) => {
      h.mock.addKey('staging', { name: 'backend' });
      for (const inputs of [
        { command: 'delete', name: 'Backend' },
        { command: 'list', name: 'Backend' }
      ]) {
        const result = await h.run(inputs);
        expect(result.exitCode).toBe(0);
        expect(result.warnings).toContain(
          `No active key is named "Backend" in workspace 'staging', but "backend" is: names are compared exactly, case included. Check 'name'.`
        );
      }
      expect(deletes(h)).toEqual([]);
    });
  });
});

describe('no file name from server data', () => {
  it('a server that sends the service token as a workspace slug: the keys file is named by the action, and is where keys-file says', async () => {
    await withMock(node, { workspaces: [MOCK_TOKEN] }, async (h) => {
      h.mock.addKey(MOCK_TOKEN, { name: 'api' });
      const result = await h.run({ command: 'list', workspace: '*' });
      expect(result.exitCode).toBe(0);
      const path = result.outputs['keys-file']!;
      expect(path).toMatch(/\/suprsend-keys\.json$/);
      expect(result.tempFiles[path]).toBe(result.outputs.keys);
    });
  });
});
