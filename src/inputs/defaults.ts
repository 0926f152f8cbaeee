/**
 * Input defaults, as action.yml declares them (a test keeps the two equal). The runner
 * passes a default like a value the user set, so an input counts as set only when it
 * differs from its default. Inputs whose presence matters (a filter, a limit, a switch
 * that guards what is touched) have no default there: for them, set means written in
 * the step's `with:`, and `UNSET_MEANS` says what leaving them out means.
 */
import { DEFAULT_BASE_URL } from '../suprsend/types.js';

export const TOKEN_ENV = 'SUPRSEND_SERVICE_TOKEN';
export const DEFAULT_HUB_URL = 'https://hub.suprsend.com';
export const DEFAULT_ISSUE_TITLE = 'SuprSend API keys due for rotation';

export const INPUT_DEFAULTS: Readonly<Record<string, string>> = {
  command: 'create',
  'base-url': DEFAULT_BASE_URL,
  'timeout-seconds': '30',
  retries: '3',
  summary: 'true',
  'hub-url': DEFAULT_HUB_URL,
  'secret-type': 'actions',
  'key-type': 'api-key',
  'secret-format': 'base64',
  'issue-title': DEFAULT_ISSUE_TITLE
};

/** What an input without a default in action.yml means when it is not written ('keep' depends on the command). */
export const UNSET_MEANS: Readonly<Record<string, string>> = {
  'dry-run': 'false',
  'if-exists': 'create',
  ephemeral: 'false',
  'include-deleted': 'false',
  'fail-on-stale': 'false',
  issue: 'false'
};
