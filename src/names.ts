/**
 * Every input and output name, in one typed place (as `actions/cache` keeps them in constants.ts):
 * the public contract of `action.yml` (a test keeps the two equal). Reading an input or writing an
 * output by a name not listed here does not compile.
 */
export const INPUT_NAMES = [
  'service-token',
  'workspace',
  'command',
  'key-type',
  'name',
  'description',
  'key-id',
  'older-than-days',
  'keep',
  'grace-period',
  'verify-key',
  'hub-url',
  'if-exists',
  'dry-run',
  'ephemeral',
  'secret-name',
  'secret-environment',
  'secret-repository',
  'secret-organization',
  'secret-visibility',
  'secret-repositories',
  'secret-type',
  'secret-format',
  'secure-mode',
  'variable-name',
  'github-token',
  'include-deleted',
  'max-age-days',
  'fail-on-stale',
  'issue',
  'issue-title',
  'summary',
  'base-url',
  'timeout-seconds',
  'retries'
] as const;
export type InputName = (typeof INPUT_NAMES)[number];

export const OUTPUT_NAMES = [
  'workspaces',
  'key-id',
  'api-key',
  'private-key',
  'private-key-base64',
  'public-key',
  'masked-api-key',
  'created',
  'keys',
  'keys-file',
  'count',
  'stale-count',
  'stale-key-ids',
  'deleted-key-ids',
  'planned-key-ids',
  'issue-number',
  'issue-url'
] as const;
export type OutputName = (typeof OUTPUT_NAMES)[number];

/** The outputs that carry a created secret: the only values the output sink does not redact. */
export const SECRET_OUTPUTS: readonly OutputName[] = ['api-key', 'private-key', 'private-key-base64'];
