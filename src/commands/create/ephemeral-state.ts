/** What a create with `ephemeral: true` saves for the post step: the id of the key to disable. Imports nothing. */
export const EPHEMERAL_KEY_STATE = 'ephemeral-key-id';
