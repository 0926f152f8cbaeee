/**
 * Input defaults, as action.yml declares them (a test keeps the two equal). The runner
 * passes a default like a value the user set, so an input counts as set only when it
 * differs from its default.
 */
import { DEFAULT_BASE_URL } from '../suprsend/types.js';

export const TOKEN_ENV = 'SUPRSEND_SERVICE_TOKEN';

export const INPUT_DEFAULTS: Readonly<Record<string, string>> = {
  command: 'create',
  'base-url': DEFAULT_BASE_URL,
  'timeout-seconds': '30',
  retries: '3',
  keep: '0',
  'dry-run': 'false',
  'if-exists': 'create',
  ephemeral: 'false',
  'include-deleted': 'false',
  'fail-on-stale': 'false',
  summary: 'true',
  'secret-visibility': 'private'
};
