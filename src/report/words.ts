/** Small phrases the failure wordings share. */

/** "after 2 retries". */
export function afterRetries(retries: number): string {
  return `after ${retries} ${retries === 1 ? 'retry' : 'retries'}`;
}

/** The host of an address, for "Could not reach GitHub at …"; the address itself when it is not a URL. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
