/**
 * Runs the bundled action the way a GitHub runner does: inputs as `INPUT_<NAME>`
 * environment variables (hyphens kept), action.yml's defaults for the inputs left
 * unset (when `defaults` is given), outputs, summary and state through the
 * files in GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and GITHUB_STATE, and for the post
 * step the saved state as `STATE_<name>`. Node builtins only.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunOptions {
  /** The bundled entry, e.g. dist/index.js. */
  entry: string;
  inputs: Record<string, string>;
  /** Input defaults as action.yml declares them (`actionDefaults`): passed for every input not in `inputs`, as the runner does. */
  defaults?: Record<string, string>;
  /** Extra environment; the runner's own variables are not inherited beyond PATH. */
  env?: Record<string, string>;
  /** The Node binary; the current one by default. */
  node?: string;
  /** Flags for Node before the entry, e.g. `--import` of a probe. */
  nodeArgs?: string[];
  /** Run as the post step, with this saved state. */
  postState?: Record<string, string>;
  /** Kill the process after this long (a safety net for tests; the action has its own deadlines). */
  killAfterMs?: number;
}

export interface RunResult {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  state: Record<string, string>;
  /** The `::error::` lines, decoded. */
  errors: string[];
  /** The `::warning` lines, decoded (message only). */
  warnings: string[];
  /** Files the action left in RUNNER_TEMP, by path (the runner wipes it after the job; so does this). */
  tempFiles: Record<string, string>;
}

export async function runAction(options: RunOptions): Promise<RunResult> {
  const dir = mkdtempSync(join(tmpdir(), 'suprsend-action-'));
  const files = { output: join(dir, 'output'), summary: join(dir, 'summary'), state: join(dir, 'state') };
  for (const file of Object.values(files)) writeFileSync(file, '');
  const runnerTemp = join(dir, 'runner-temp');
  mkdirSync(runnerTemp);
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_STATE: files.state,
    RUNNER_TEMP: runnerTemp,
    ...options.env
  };
  for (const [name, value] of Object.entries({ ...options.defaults, ...options.inputs })) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  for (const [name, value] of Object.entries(options.postState ?? {})) env[`STATE_${name}`] = value;

  try {
    const child = spawn(options.node ?? process.execPath, [...(options.nodeArgs ?? []), options.entry], {
      env,
      stdio: ['ignore', 'pipe', 'pipe']
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const killer = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs ?? 60_000);
    const exitCode = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code) => {
        resolve(code);
      });
    });
    clearTimeout(killer);
    return {
      exitCode,
      stdout,
      stderr,
      outputs: parseFileCommand(readFileSync(files.output, 'utf8')),
      summary: readFileSync(files.summary, 'utf8'),
      state: parseFileCommand(readFileSync(files.state, 'utf8')),
      errors: commands(stdout, 'error'),
      warnings: commands(stdout, 'warning'),
      tempFiles: Object.fromEntries(
        readdirSync(runnerTemp, { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => {
            const path = join(entry.parentPath, entry.name);
            return [path, readFileSync(path, 'utf8')];
          })
      )
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Reads GITHUB_OUTPUT / GITHUB_STATE: `name<<delimiter`, value lines, `delimiter`. */
function parseFileCommand(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const head = /^([^<=]+)<<(.+)$/.exec(line);
    if (head) {
      const [, name = '', delimiter = ''] = head;
      const end = lines.indexOf(delimiter, i + 1);
      values[name] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (line.includes('=')) {
      const at = line.indexOf('=');
      values[line.slice(0, at)] = line.slice(at + 1);
    }
  }
  return values;
}

/** The messages of `::name …::message` workflow commands, with the runner's escapes undone. */
function commands(stdout: string, name: string): string[] {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith(`::${name}`))
    .map((line) =>
      line
        .slice(line.indexOf('::', 2) + 2)
        .replace(/%0D/g, '\r')
        .replace(/%0A/g, '\n')
        .replace(/%25/g, '%')
    );
}
