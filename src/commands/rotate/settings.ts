import { InputError } from '../../errors.js';
import type { SecretTarget } from '../../github/target.js';
import { readSecretTarget, SECRET_INPUTS } from '../../github/secret-target.js';
import { boolean, integer, type InputReader } from '../../inputs/read.js';
import { description, keyName } from '../../inputs/rules.js';
import type { Env } from '../command.js';

export const ROTATE_INPUTS = ['name', 'description', 'keep', 'dry-run', ...SECRET_INPUTS] as const;

export interface RotateSettings {
  command: 'rotate';
  name: string;
  description: string | undefined;
  /** Active keys of the name left after the rotation, the new one included (at least 1). */
  keep: number;
  dryRun: boolean;
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
  return {
    command: 'rotate',
    name,
    description: description(read),
    keep,
    dryRun: boolean(read, 'dry-run'),
    secret: readSecretTarget(input, env)
  };
}
