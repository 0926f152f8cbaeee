/**
 * Step outputs: the one place the created secret leaves the action. By the time a
 * result gets here, the client has already passed the secret to `setSecret`.
 */
import type { CommandResult } from './commands/result.js';

/** GitHub's limit for one output ("a maximum of 1 MB"). */
export const MAX_OUTPUT_BYTES = 1_000_000;

export interface OutputSink {
  setOutput: (name: string, value: string) => void;
  warning: (message: string) => void;
  /** Writes a file in the runner's temporary directory and returns its path. */
  writeTempFile: (name: string, content: string) => string;
}

export function emitOutputs(result: CommandResult, sink: OutputSink): void {
  const { setOutput } = sink;
  switch (result.command) {
    case 'create':
      setOutput('key-id', result.key.id);
      setOutput('masked-api-key', typeof result.key.masked_api_key === 'string' ? result.key.masked_api_key : '');
      setOutput('created', String(result.created));
      if (result.secret !== undefined) setOutput('api-key', result.secret);
      return;
    case 'list': {
      const json = JSON.stringify(result.keys);
      setOutput('keys-file', sink.writeTempFile(`suprsend-keys-${result.workspace}.json`, json));
      const bytes = Buffer.byteLength(json);
      if (bytes <= MAX_OUTPUT_BYTES) {
        setOutput('keys', json);
      } else {
        setOutput('keys', '');
        sink.warning(
          `The 'keys' output would be ${(bytes / 1_000_000).toFixed(1)} MB, over GitHub's 1 MB limit for an output, so it is left empty: ` +
            `read all ${result.keys.length} keys from the JSON file named by the 'keys-file' output.`
        );
      }
      setOutput('count', String(result.keys.length));
      setOutput('stale-count', String(result.stale.length));
      setOutput('stale-key-ids', JSON.stringify(result.stale.map((s) => s.key.id)));
      return;
    }
    case 'delete':
      setOutput('deleted-key-ids', JSON.stringify(result.disabled.map((k) => k.id)));
      return;
  }
}
