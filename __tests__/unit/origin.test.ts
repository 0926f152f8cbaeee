/**
 * The origin description reads the runner's variables directly, so `create` does not
 * load Octokit. This checks it says exactly what @actions/github's context says.
 */
import { describe, expect, it } from '@jest/globals';
import { context as loadedContext } from '@actions/github';
import { describeOrigin } from '../../src/github/origin.js';

const RUNNER = {
  GITHUB_REPOSITORY: 'acme/shop',
  GITHUB_WORKFLOW: 'Deploy to production',
  GITHUB_RUN_NUMBER: '417',
  GITHUB_RUN_ID: '9876543210',
  GITHUB_SERVER_URL: 'https://ghe.example.com'
};

describe('describeOrigin', () => {
  it("matches @actions/github's context for the same run", () => {
    const saved = { ...process.env };
    Object.assign(process.env, RUNNER);
    try {
      // The package exports the context it built at import; its class re-reads the environment.
      const context = new (loadedContext.constructor as new () => typeof loadedContext)();
      const { owner, repo } = context.repo;
      expect(describeOrigin(RUNNER)).toBe(
        `Created by GitHub Actions in ${owner}/${repo}, workflow "${context.workflow}", run #${context.runNumber} ` +
          `${context.serverUrl}/${owner}/${repo}/actions/runs/${context.runId}`
      );
    } finally {
      process.env = saved;
    }
  });

  it('is undefined outside GitHub Actions, so no description is sent', () => {
    expect(describeOrigin({})).toBeUndefined();
  });
});
