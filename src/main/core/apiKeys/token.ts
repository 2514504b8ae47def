import crypto from 'node:crypto';
import type { ApiKey } from '../../../shared/operations/apiKeys';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
export const TOKEN_PATTERN = /^pk_(live|test)_[a-z0-9]{24}$/;
export const PREFIX_LENGTH = 12;

export function generateToken(type: ApiKey['type']): string {
  let random = '';
  for (let i = 0; i < 24; i++) random += ALPHABET[crypto.randomInt(ALPHABET.length)];
  return `pk_${type}_${random}`;
}

export const hashToken = (token: string): Buffer => crypto.createHash('sha256').update(token, 'utf8').digest();
