/**
 * Wires the real world into `main` or `post`: the runner's toolkit, its files, HTTP,
 * time. `src/action/index.ts` calls `run()` for the runner; `npm run local-action` calls it too.
 */
import * as core from '@actions/core';
import { createTransport } from '../net/http.js';
import { USER_AGENT } from '../version.js';
import { createArrayFile } from './array-file.js';
import type { ActionCore, Deps } from './deps.js';
import { main } from './main.js';
import { post } from './post.js';
import { runnerFileError, writeRunnerFile } from './runner-files.js';
import { currentStep, type Step } from './step.js';

export async function run(step: Step = currentStep()): Promise<void> {
  const env = process.env;
  const transport = createTransport(USER_AGENT);
  const deps: Deps = {
    core: runnerCore(env),
    env,
    transport,
    createArrayFile: () => createArrayFile(env),
    writeSummary: async (markdown) => {
      if (!env.GITHUB_STEP_SUMMARY) {
        core.debug('GITHUB_STEP_SUMMARY is not set: no job summary written.');
        return;
      }
      try {
        await core.summary.addRaw(markdown, true).write();
      } catch (error) {
        throw runnerFileError('the job summary', 'GITHUB_STEP_SUMMARY', env, error);
      }
    },
    now: () => new Date(),
    sleep: (ms) =>
      new Promise((resolve) => {
        setTimeout(resolve, ms);
      }),
    random: Math.random
  };
  try {
    await (step === 'post' ? post(deps) : main(deps));
  } finally {
    transport.close();
  }
}

/** `@actions/core`, with failures to write the runner's files worded for a person. */
function runnerCore(env: Record<string, string | undefined>): ActionCore {
  return {
    getInput: (name) => core.getInput(name),
    getState: (name) => core.getState(name),
    setSecret: (secret) => {
      core.setSecret(secret);
    },
    setFailed: (message) => {
      core.setFailed(message);
    },
    debug: (message) => {
      core.debug(message);
    },
    info: (message) => {
      core.info(message);
    },
    notice: (message, properties) => {
      core.notice(message, properties);
    },
    startGroup: (title) => {
      core.startGroup(title);
    },
    endGroup: () => {
      core.endGroup();
    },
    warning: (message, properties) => {
      core.warning(message, properties);
    },
    setOutput: (name, value) => {
      writeRunnerFile('the step outputs', 'GITHUB_OUTPUT', env, () => {
        core.setOutput(name, value);
      });
    },
    saveState: (name, value) => {
      writeRunnerFile('the state for the post step', 'GITHUB_STATE', env, () => {
        core.saveState(name, value);
      });
    }
  };
}
