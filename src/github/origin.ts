/**
 * Where a key comes from, for its description when the user gives none: the
 * repository, workflow, run number and run URL. Read from the same runner variables
 * that `@actions/github`'s context reads, without loading Octokit (start-up time).
 * Undefined outside GitHub Actions: the description is then left out.
 */
export function describeOrigin(env: Record<string, string | undefined>): string | undefined {
  const repository = env.GITHUB_REPOSITORY;
  if (!repository) return undefined;
  const parts = [`Created by GitHub Actions in ${repository}`];
  if (env.GITHUB_WORKFLOW) parts.push(`workflow "${env.GITHUB_WORKFLOW}"`);
  if (env.GITHUB_RUN_NUMBER) parts.push(`run #${env.GITHUB_RUN_NUMBER}`);
  const url = runUrl(env);
  return `${parts.join(', ')}${url === undefined ? '' : ` ${url}`}`;
}

/** The address of this workflow run's page, when the runner says which run this is. */
export function runUrl(env: Record<string, string | undefined>): string | undefined {
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
  return env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` : undefined;
}
