import { InputError } from '../../errors.js';
import type { SecretTarget } from '../../github/target.js';
import { readSecretTarget, SECRET_INPUTS } from '../../github/secret-target.js';
import { boolean, integer, type InputReader } from '../../inputs/read.js';
import { KEY_CHECK_INPUTS, readKeyCheck } from '../../inputs/connection.js';
import { description, gracePeriod, keyName } from '../../inputs/rules.js';
import type { Env } from '../command.js';

export const ROTATE_INPUTS = ['name', 'description', 'keep', 'dry-run', 'grace-period', ...KEY_CHECK_INPUTS, ...SECRET_INPUTS] as const;

export interface RotateSettings {
  command: 'rotate';
  name: string;
  description: string | undefined;
  /** Active keys of the name left after the rotation, the new one included (at least 1). */
  keep: number;
  /** An older key is disabled only once a newer key of its name is this old (ms; 0: none). */
  graceMs: number;
  dryRun: boolean;
  /** The hub to check the new key against before it is stored; undefined with 'verify-key: false'. */
  hubUrl: URL | undefined;
  secret: SecretTarget | undefined;
}

export function parseRotate(input: InputReader, env: Env): RotateSettings {
  const { read, isSet } = input;
  const name = keyName(read);
  if (name === undefined) {
    throw new InputError('name', "is required for command 'rotate': the name of the keys to rotate, e.g. backend-prod.");
  }
  // Unset, keep means 1: the new key. A rotation always keeps the new key, so 0 is refused.
  const keep = isSet('keep') ? integer(read, 'keep', { max: 1_000_000 }) : 1;
  if (keep === 0) {
    throw new InputError(
      'keep',
      "must be 1 or more for command 'rotate': the new key is always kept (1 keeps only it, 2 the previous key too)."
    );
  }
  const graceMs = gracePeriod(read);
  const secret = readSecretTarget(input, env);
  if (secret === undefined && graceMs === 0 && keep < 2) {
    throw new InputError(
      'secret-name',
      "is required for command 'rotate' unless the older keys outlive this job ('keep: 2' or more, or a 'grace-period'): without it the new key " +
        "exists only in this job's masked 'api-key' output (GitHub passes masked values to no other job), while the working keys would be disabled at once. " +
        "Store the new key with 'secret-name' (and 'github-token'), or keep the previous key with 'keep: 2' or 'grace-period: 7d' until what uses it is updated."
    );
  }
  return {
    command: 'rotate',
    name,
    description: description(read),
    keep,
    graceMs,
    dryRun: boolean(read, 'dry-run'),
    hubUrl: readKeyCheck(input, true),
    secret
  };
}
