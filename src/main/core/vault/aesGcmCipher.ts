import crypto from 'node:crypto';
import { VaultError, type VaultCipher } from './cipher';

const PREFIX = 'v1:aesgcm:';
const VERIFIER_TEXT = 'parallax-vault-verifier';
/** scrypt cost: ~50 ms on a laptop, once per start. */
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

export interface AesGcmMaterial {
  salt: string;
  verifier: string;
}

/** AES-256-GCM with a key derived by scrypt from the passphrase and a per-vault random salt. */
export function createAesGcmCipher(passphrase: string, salt: Buffer): VaultCipher {
  const key = crypto.scryptSync(passphrase.normalize('NFC'), salt, 32, SCRYPT);
  return {
    scheme: 'aesgcm',
    persistent: true,
    encrypt(plain) {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${PREFIX}${iv.toString('base64')}:${cipher.getAuthTag().toString('base64')}:${body.toString('base64')}`;
    },
    decrypt(ciphertext) {
      if (!ciphertext.startsWith(PREFIX)) throw new VaultError('Not an AES-GCM vault entry');
      const [iv, tag, body] = ciphertext.slice(PREFIX.length).split(':');
      if (iv === undefined || tag === undefined || body === undefined) throw new VaultError('Damaged vault entry');
      try {
        const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
        decipher.setAuthTag(Buffer.from(tag, 'base64'));
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
      } catch {
        throw new VaultError('Vault entry failed its integrity check (tampered, or another passphrase)');
      }
    },
  };
}

/** New material for a vault that has none yet. */
export function newMaterial(passphrase: string): { cipher: VaultCipher; material: AesGcmMaterial } {
  const salt = crypto.randomBytes(16);
  const cipher = createAesGcmCipher(passphrase, salt);
  return { cipher, material: { salt: salt.toString('base64'), verifier: cipher.encrypt(VERIFIER_TEXT) } };
}

/** Opens existing material; a wrong passphrase is refused here, before anything is read or written. */
export function openMaterial(passphrase: string, material: AesGcmMaterial): VaultCipher {
  const cipher = createAesGcmCipher(passphrase, Buffer.from(material.salt, 'base64'));
  let check: string | undefined;
  try {
    check = cipher.decrypt(material.verifier);
  } catch {
    check = undefined;
  }
  if (check !== VERIFIER_TEXT) throw new VaultError('The vault passphrase is wrong (PARALLAX_VAULT_PASSPHRASE). Nothing was changed.');
  return cipher;
}
