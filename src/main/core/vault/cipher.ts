/**
 * How the vault turns a key into text it can store. Every ciphertext starts with a version and a
 * scheme (`v1:aesgcm:…`, `v1:safestorage:…`) so the scheme can change without guessing.
 */
export interface VaultCipher {
  readonly scheme: string;
  /** False when nothing may be written to disk (no passphrase, or an OS keyring that is plain text). */
  readonly persistent: boolean;
  /** Why keys are not kept across restarts, when `persistent` is false. */
  readonly notice?: string;
  encrypt(plain: string): string;
  decrypt(ciphertext: string): string;
}

export class VaultError extends Error {
  override name = 'VaultError';
}

/** Keys for this session only: nothing is written. */
export const memoryOnlyCipher = (notice: string): VaultCipher => ({
  scheme: 'memory',
  persistent: false,
  notice,
  encrypt: () => {
    throw new VaultError('This vault keeps keys in memory only');
  },
  decrypt: () => {
    throw new VaultError('This vault keeps keys in memory only');
  },
});
