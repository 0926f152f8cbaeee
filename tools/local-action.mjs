#!/usr/bin/env node
// `npm run local-action`: runs the action from source with @github/local-action, main step then post
// step, with the inputs in .env. Checks first what would otherwise end in a stack trace.
// local-action is not the runner; CONTRIBUTING.md ("Debugging locally") lists where it differs.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync('.env')) {
  console.error(
    'No .env here. Copy the example and start the mock first:\n  cp .env.example .env\n  npm run mock   # in another terminal\nthen run npm run local-action again.'
  );
  process.exit(1);
}
const result = spawnSync('local-action', ['run', '.', 'src/action/run.ts', '.env', '--post', 'src/action/local-post.ts'], {
  stdio: 'inherit',
  shell: process.platform === 'win32'
});
process.exit(result.status ?? 1);
