/** Sent as the User-Agent. A test keeps VERSION equal to package.json's version. */
export const ACTION_NAME = 'suprsend-key-action';
export const VERSION = '1.0.0';
export const USER_AGENT = `${ACTION_NAME}/${VERSION}`;
