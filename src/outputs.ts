/**
 * Step outputs: the one place the created secret leaves the action. By the time a
 * result gets here, the client has already passed the secret to `setSecret`.
 */
import type { CommandResult } from './commands/result.js';

export type SetOutput = (name: string, value: string) => void;

export function emitOutputs(result: CommandResult, setOutput: SetOutput): void {
  switch (result.command) {
    case 'create':
      setOutput('key-id', result.key.id);
      setOutput('masked-api-key', typeof result.key.masked_api_key === 'string' ? result.key.masked_api_key : '');
      setOutput('created', String(result.created));
      if (result.secret !== undefined) setOutput('api-key', result.secret);
      return;
    case 'list':
      setOutput('keys', JSON.stringify(result.keys));
      setOutput('count', String(result.keys.length));
      setOutput('stale-count', String(result.stale.length));
      setOutput('stale-key-ids', JSON.stringify(result.stale.map((s) => s.key.id)));
      return;
    case 'delete':
      setOutput('deleted-key-ids', JSON.stringify(result.disabled.map((k) => k.id)));
      return;
  }
}
