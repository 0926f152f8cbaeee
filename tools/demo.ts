/**
 * `npm run demo`: the action end to end, no SuprSend account needed. Starts the
 * built-in SuprSend mock on loopback and runs the bundled action against it the
 * way the runner does (create, list, rotate), printing what a workflow run shows:
 * the log (with masked values as the runner masks them), the outputs, the summary.
 * RUNNER_DEBUG=1 shows the debug lines too, as the runner does with debug logging on.
 */
import { resolve } from 'node:path';
import { MOCK_TOKEN, startMockServer } from './mock-server.js';
import { runAction, type RunResult } from './run-action.js';

/** `--serve PORT`: only run the mock, for `npm run local-action` and the self-test workflow. */
if (process.argv[2] === '--serve') {
  const mock = await startMockServer({ port: Number(process.argv[3] ?? 8787), workspaces: ['staging', 'production'] });
  console.log(`SuprSend mock listening on ${mock.url} (workspaces staging and production, service token ${MOCK_TOKEN}); Ctrl-C stops it.`);
  await new Promise(() => undefined);
}

/** The bundled action: `npm run demo` passes dist/index.js (npm runs scripts from the package root). */
const entry = resolve(process.argv[2] ?? 'dist/index.js');
const DAY = 24 * 60 * 60 * 1000;

const mock = await startMockServer({ workspaces: ['staging'] });
mock.addKey('staging', { name: 'backend-prod', created_at: new Date(Date.now() - 200 * DAY).toISOString() });
mock.addKey('staging', { name: 'analytics', created_at: new Date(Date.now() - 12 * DAY).toISOString() });

const common = { 'service-token': MOCK_TOKEN, workspace: 'staging', 'base-url': mock.url };
const steps: { title: string; inputs: Record<string, string> }[] = [
  { title: 'Create a key', inputs: { ...common, command: 'create', name: 'backend-prod' } },
  { title: 'Audit the workspace (keys older than 90 days are stale)', inputs: { ...common, command: 'list', 'max-age-days': '90' } },
  {
    title: 'Rotate: disable all but the newest backend-prod key',
    inputs: { ...common, command: 'delete', name: 'backend-prod', keep: '1' }
  }
];

let failed = false;
try {
  for (const [i, step] of steps.entries()) {
    const inputs = Object.entries(step.inputs)
      .filter(([name]) => name !== 'base-url')
      .map(([name, value]) => `      ${name}: ${name === 'service-token' ? '${{ secrets.SUPRSEND_SERVICE_TOKEN }}' : value}`);
    console.log(`\n━━━ Step ${i + 1}: ${step.title}\n  - uses: org/suprsend-key-action@v1\n    with:\n${inputs.join('\n')}\n`);
    const result = await runAction({ entry, inputs: step.inputs });
    show(result);
    if (result.stderr !== '') console.log(`stderr:\n${result.stderr}`);
    failed ||= result.exitCode !== 0;
  }
  console.log(`\nThe mock saw ${mock.requests.length} requests. Run the tests with: npm ci && npm test`);
} finally {
  await mock.close();
}
process.exitCode = failed ? 1 : 0;

/** Prints a run as the runner would show it: add-mask lines consumed, masked values as ***. */
function show(result: RunResult): void {
  const secrets: string[] = [];
  const mask = (text: string): string => secrets.reduce((t, s) => t.split(s).join('***'), text);
  console.log('Log:');
  for (const line of result.stdout.split('\n')) {
    if (line.startsWith('::add-mask::')) secrets.push(line.slice('::add-mask::'.length));
    else if (line.startsWith('::save-state') || line === '') continue;
    else if (line.startsWith('::debug::')) {
      if (process.env.RUNNER_DEBUG === '1') console.log(`  ##[debug]${mask(line.slice('::debug::'.length))}`);
    } else console.log(`  ${mask(line)}`);
  }
  console.log(`  (exit code ${result.exitCode})\nOutputs:`);
  for (const [name, value] of Object.entries(result.outputs)) {
    const shown = mask(value);
    console.log(`  ${name} = ${shown.length > 160 ? `${shown.slice(0, 160)}… (${shown.length} characters)` : shown}`);
  }
  console.log('Job summary:');
  console.log(result.summary.trimEnd().replace(/^/gm, '  │ '));
}
