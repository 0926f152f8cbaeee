/**
 * What both steps open first: the log (masking and redaction), the settings, and a
 * SuprSend client wired to the log. The service token is masked inside `parseSettings`,
 * the moment it is read.
 */
import type { Deps } from './deps.js';
import type { Log } from './log.js';
import { parseSettings, type Settings } from './settings.js';
import { SuprSendClient } from './suprsend.js';
import { USER_AGENT } from './version.js';

export interface Session {
  settings: Settings;
  client: SuprSendClient;
}

export function openSession(deps: Deps, log: Log): Session {
  const settings = parseSettings((name) => deps.core.getInput(name), deps.env, log.mask);
  const client = new SuprSendClient(settings.connection, {
    transport: deps.transport,
    debug: log.debug,
    warning: log.warning,
    onSecret: log.mask,
    sleep: deps.sleep,
    now: deps.now,
    random: deps.random,
    userAgent: USER_AGENT
  });
  return { settings, client };
}
