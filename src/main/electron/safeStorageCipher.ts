import { VaultError, type VaultCipher } from '../core/vault/cipher';

const PREFIX = 'v1:safestorage:';

/** The part of Electron's `safeStorage` the vault uses; a stand-in implements it in tests. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
}

/**
 * The desktop cipher: the OS keychain through Electron's safeStorage. On Linux without a real keyring
 * safeStorage falls back to `basic_text` (a hard-coded key: obfuscation, not encryption), so the vault
 * refuses to write keys to disk unless the user explicitly allowed it; they live in memory instead.
 */
export function createSafeStorageCipher(
  safeStorage: SafeStorageLike,
  platform: NodeJS.Platform,
  allowPlainTextKeyring: boolean,
): VaultCipher {
  const backend = platform === 'linux' ? safeStorage.getSelectedStorageBackend?.() : undefined;
  const weak = backend === 'basic_text';
  if (!safeStorage.isEncryptionAvailable() || (weak && !allowPlainTextKeyring)) {
    return {
      scheme: 'safestorage',
      persistent: false,
      notice: weak
        ? 'No system keyring was found (safeStorage uses basic_text), so provider keys are kept for this session only. Install and unlock a keyring (GNOME Keyring or KWallet), or allow the plain-text keyring in Settings.'
        : 'The operating system offers no encryption for stored secrets here, so provider keys are kept for this session only.',
      encrypt: () => {
        throw new VaultError('Keys are kept in memory only on this machine');
      },
      decrypt: () => {
        throw new VaultError('Keys are kept in memory only on this machine');
      },
    };
  }
  return {
    scheme: 'safestorage',
    persistent: true,
    encrypt: (plain) => `${PREFIX}${safeStorage.encryptString(plain).toString('base64')}`,
    decrypt(ciphertext) {
      if (!ciphertext.startsWith(PREFIX)) throw new VaultError('Not a safeStorage vault entry');
      try {
        return safeStorage.decryptString(Buffer.from(ciphertext.slice(PREFIX.length), 'base64'));
      } catch {
        throw new VaultError('Vault entry cannot be decrypted by this system keyring');
      }
    },
  };
}
