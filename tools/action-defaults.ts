/** The defaults action.yml declares, which the runner passes as INPUT_<NAME> for every input the step leaves unset. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export function actionDefaults(actionYml: string): Record<string, string> {
  // YAML defaults are strings, numbers or booleans; the runner passes them as text.
  const action = parse(readFileSync(actionYml, 'utf8')) as { inputs?: Record<string, { default?: string | number | boolean }> };
  return Object.fromEntries(
    Object.entries(action.inputs ?? {}).flatMap(([name, input]) => (input.default === undefined ? [] : [[name, String(input.default)]]))
  );
}
