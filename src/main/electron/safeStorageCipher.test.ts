import { describe, expect, it } from 'vitest';
import { createSafeStorageCipher, type SafeStorageLike } from './safeStorageCipher';

/** The one stand-in for Electron allowed in tests: safeStorage behind its interface. */
const standIn = (backend: string, available = true): SafeStorageLike => ({
  isEncryptionAvailable: () => available,
  getSelectedStorageBackend: () => backend,
  encryptString: (plain) => Buffer.from([...Buffer.from(plain, 'utf8')].map((b) => b ^ 0x5a)),
  decryptString: (encrypted) => Buffer.from([...encrypted].map((b) => b ^ 0x5a)).toString('utf8'),
});

describe('safeStorage cipher', () => {
  it('refuses to persist on Linux when the backend is basic_text, and says why', () => {
    const cipher = createSafeStorageCipher(standIn('basic_text'), 'linux', false);
    expect(cipher.persistent).toBe(false);
    expect(cipher.notice).toMatch(/basic_text/);
    expect(() => cipher.encrypt('sk-x')).toThrow();
  });

  it('persists on basic_text only with the explicit opt-in', () => {
    expect(createSafeStorageCipher(standIn('basic_text'), 'linux', true).persistent).toBe(true);
  });

  it.each(['gnome_libsecret', 'kwallet5'])(
    'persists with a real keyring (%s), round-tripping empty, long and non-ASCII values',
    (backend) => {
      const cipher = createSafeStorageCipher(standIn(backend), 'linux', false);
      for (const value of ['', 'x'.repeat(100_000), 'clé-🔑-鍵']) {
        const text = cipher.encrypt(value);
        expect(text.startsWith('v1:safestorage:')).toBe(true);
        expect(cipher.decrypt(text)).toBe(value);
      }
    },
  );

  it('refuses when the OS offers no encryption at all', () => {
    expect(createSafeStorageCipher(standIn('unknown', false), 'darwin', false).persistent).toBe(false);
  });
});
