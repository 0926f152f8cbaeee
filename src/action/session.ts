/**
 * What both steps open first: the settings (credentials masked as they are read) and a
 * SuprSend client wired to the log.
 */
import { parseSettings, type Settings } from '../commands/settings.js';
import type { Log } from '../report/log.js';
import { SuprSendClient } from '../suprsend/client.js';
import { USER_AGENT } from '../version.js';
import type { Deps } from './deps.js';

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
