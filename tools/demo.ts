/**
 * `npm run demo`: the action end to end, no SuprSend account needed. Starts the built-in
 * SuprSend mock on loopback and runs the bundled action against it as a runner would:
 * inputs as INPUT_* variables with action.yml's defaults filled in, outputs, state and
 * summary through the runner's files, and the post step (dist/post/index.js) after each
 * step, with the state the step saved. It prints what a workflow run shows: the log (with
 * masked values as the runner masks them), the outputs, the summary. RUNNER_DEBUG=1 shows
 * the debug lines too. It is not the runner: expressions, job outputs and permissions are not modelled.
 *
 * `--serve [PORT]` (or SUPRSEND_MOCK_PORT): only run the mock, for `npm run local-action`.
 */
import { dirname, resolve } from 'node:path';
import { actionDefaults } from './action-defaults.js';
import { MOCK_TOKEN, startMockServer } from './mock-server.js';
import { runAction, type RunResult } from './run-action.js';

const DAY = 24 * 60 * 60 * 1000;

if (process.argv[2] === '--serve') await serve(process.argv[3] ?? process.env.SUPRSEND_MOCK_PORT ?? '8787');
else await demo(resolve(process.argv[2] ?? 'dist/index.js'));

async function serve(portText: string): Promise<void> {
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535) {
    console.error(`The mock's port must be a number from 1 to 65535, got "${portText}": npm run mock -- 9000`);
    process.exitCode = 2;
    return;
  }
  try {
    const mock = await startMockServer({ port, workspaces: ['staging', 'production'] });
    console.log(
      `SuprSend mock listening on ${mock.url} (workspaces staging and production, service token ${MOCK_TOKEN}); Ctrl-C stops it.`
    );
  } catch (error) {
    const code = (error as { code?: string }).code;
    console.error(
      code === 'EADDRINUSE'
        ? `Port ${port} on 127.0.0.1 is taken (another mock, or another program). Choose another: npm run mock -- 9000 (or SUPRSEND_MOCK_PORT=9000), and set INPUT_base-url in .env to match.`
        : `The mock could not listen on 127.0.0.1:${port}: ${error instanceof Error ? error.message : String(error)}`
    );
    process.exitCode = 1;
  }
}

async function demo(entry: string): Promise<void> {
  // dist/index.js is the main step; action.yml sits beside dist/, the post step in dist/post/.
  const defaults = actionDefaults(resolve(dirname(entry), '..', 'action.yml'));
  const postEntry = resolve(dirname(entry), 'post', 'index.js');
  const mock = await startMockServer({ workspaces: ['staging', 'production'] });
  mock.addKey('staging', { name: 'backend-prod', created_at: new Date(Date.now() - 200 * DAY).toISOString() });
  mock.addKey('staging', { name: 'analytics', created_at: new Date(Date.now() - 12 * DAY).toISOString() });
  mock.addKey('production', { name: 'backend', created_at: new Date(Date.now() - 120 * DAY).toISOString() });
  mock.credentials.addSigningKey('staging', { created_at: new Date(Date.now() - 200 * DAY).toISOString() });
  mock.credentials.addPublicKey('staging', { name: 'web-app' });

  // The mock serves the hub's key check too (hub-url), so a rotation checks its new key as it would for real.
  const common = { 'service-token': MOCK_TOKEN, workspace: 'staging', 'base-url': mock.url, 'hub-url': mock.url };
  const steps: { title: string; inputs: Record<string, string> }[] = [
    { title: 'Create a key', inputs: { ...common, command: 'create', name: 'backend-prod' } },
    { title: 'Audit the workspace (keys older than 90 days are stale)', inputs: { ...common, command: 'list', 'max-age-days': '90' } },
    { title: 'Audit every workspace of the account', inputs: { ...common, workspace: '*', command: 'list', 'max-age-days': '90' } },
    {
      title: 'Clean up: what would disabling keys older than 90 days do? (dry run)',
      inputs: { ...common, command: 'delete', 'older-than-days': '90', keep: '1', 'dry-run': 'true' }
    },
    {
      title: 'Rotate backend-prod: a new key, checked, then the older ones disabled beyond keep: 2',
      inputs: { ...common, command: 'rotate', name: 'backend-prod', keep: '2' }
    },
    {
      title: "Roll the workspace's signing key: its private key only in the masked outputs",
      inputs: { ...common, 'key-type': 'signing-key', command: 'rotate' }
    },
    {
      title: "Rotate the web app's public key (not a secret: its new value is an output)",
      inputs: { ...common, 'key-type': 'public-key', command: 'rotate', name: 'web-app' }
    },
    {
      title: 'Audit every credential of every workspace: API keys, signing keys, public keys',
      inputs: { ...common, workspace: '*', command: 'list', 'key-type': 'all', 'max-age-days': '90' }
    },
    {
      title: 'A key for a test job, disabled when the job ends',
      inputs: { ...common, command: 'create', name: 'ci-run', ephemeral: 'true' }
    }
  ];

  console.log(`Running ${entry} under Node ${process.version}, the way the runner runs it (see tools/demo.ts for what is modelled).`);
  let failed = false;
  try {
    for (const [i, step] of steps.entries()) {
      const inputs = Object.entries(step.inputs)
        .filter(([name]) => name !== 'base-url' && name !== 'hub-url')
        .map(([name, value]) => `      ${name}: ${name === 'service-token' ? '${{ secrets.SUPRSEND_SERVICE_TOKEN }}' : yamlValue(value)}`);
      console.log(`\n━━━ Step ${i + 1}: ${step.title}\n  - uses: org/suprsend-key-action@v1\n    with:\n${inputs.join('\n')}\n`);
      const result = await runAction({ entry, inputs: step.inputs, defaults });
      show(result);
      failed ||= result.exitCode !== 0;
      // The runner runs the post step of every step when the job ends; it acts only on saved state.
      const post = await runAction({ entry: postEntry, inputs: step.inputs, defaults, postState: result.state });
      if (post.stdout !== '' || post.exitCode !== 0) {
        console.log('Post step (when the job ends):');
        showLog(post);
        failed ||= post.exitCode !== 0;
      }
    }
    console.log(`\nThe mock saw ${mock.requests.length} requests. Run the tests with: npm ci && npm test`);
  } finally {
    await mock.close();
  }
  process.exitCode = failed ? 1 : 0;
}

/** Prints a run as the runner would show it: add-mask lines consumed, masked values as ***. */
function show(result: RunResult): void {
  console.log('Log:');
  const mask = showLog(result);
  console.log('Outputs:');
  for (const [name, value] of Object.entries(result.outputs)) {
    // A value of several lines (a PEM) on one line, its line breaks shown as \n.
    const shown = mask(value).replace(/\n+$/, '').replace(/\n/g, '\\n');
    console.log(`  ${name} = ${shown.length > 160 ? `${shown.slice(0, 160)}… (${shown.length} characters)` : shown}`);
  }
  console.log('Job summary:');
  console.log(result.summary.trimEnd().replace(/^/gm, '  │ '));
}

/** The log's lines as the run page shows them; returns the masking it applied, for the outputs. */
function showLog(result: RunResult): (text: string) => string {
  const secrets: string[] = [];
  const mask = (text: string): string => secrets.reduce((t, s) => t.split(s).join('***'), text);
  for (const line of result.stdout.split('\n')) {
    if (line.startsWith('::add-mask::')) secrets.push(line.slice('::add-mask::'.length));
    else if (line.startsWith('::save-state') || line.startsWith('::endgroup::') || line === '') continue;
    else if (line.startsWith('::group::')) console.log(`  ▸ ${mask(line.slice('::group::'.length))}`);
    else if (line.startsWith('::debug::')) {
      if (process.env.RUNNER_DEBUG === '1') console.log(`  ##[debug]${mask(line.slice('::debug::'.length))}`);
    } else console.log(`  ${mask(line)}`);
  }
  console.log(`  (exit code ${result.exitCode})`);
  if (result.stderr !== '') console.log(`  stderr:\n${result.stderr}`);
  return mask;
}

/** A value as it must be written in a workflow: quoted when YAML would read it as something else (`*` starts an alias). */
function yamlValue(value: string): string {
  return /^[*&!%@`'"{[|>#-]|: | #/.test(value) ? `'${value.replace(/'/g, "''")}'` : value;
}
