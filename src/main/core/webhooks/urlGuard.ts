/**
 * Where outgoing webhooks may go. Loopback and private networks are allowed (a local-first tool posts
 * to local receivers), but never link-local or cloud-metadata addresses, multicast, "this network", or
 * Parallax's own API. The check runs on the address actually connected to, after DNS, so a name that
 * resolves to a forbidden address is refused too.
 */
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';

const blocked = new BlockList();
blocked.addSubnet('0.0.0.0', 8, 'ipv4');
blocked.addSubnet('169.254.0.0', 16, 'ipv4'); // link-local, incl. 169.254.169.254 metadata
blocked.addSubnet('224.0.0.0', 4, 'ipv4'); // multicast
blocked.addSubnet('240.0.0.0', 4, 'ipv4'); // reserved, broadcast
blocked.addAddress('100.100.100.200', 'ipv4'); // Alibaba Cloud metadata
blocked.addAddress('::', 'ipv6');
blocked.addSubnet('fe80::', 10, 'ipv6'); // link-local
blocked.addSubnet('ff00::', 8, 'ipv6'); // multicast
blocked.addAddress('fd00:ec2::254', 'ipv6'); // AWS metadata over IPv6

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

const METADATA_NAMES = new Set(['metadata.google.internal', 'metadata', 'instance-data', 'metadata.azure.internal']);

export interface UrlPolicy {
  /** Ports Parallax itself listens on (its API); loopback addresses on them are refused. */
  ownPorts(): readonly number[];
}

/**
 * Normalises IPv4-mapped IPv6 to its IPv4 form before checking, in both spellings: the dotted one
 * (`::ffff:169.254.169.254`) and the hex one that URL parsing produces (`[::ffff:a9fe:a9fe]`).
 */
function unmap(address: string): { address: string; type: 'ipv4' | 'ipv6' } {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return { address: mapped[1] as string, type: 'ipv4' };
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (hex) {
    const [high, low] = [parseInt(hex[1] as string, 16), parseInt(hex[2] as string, 16)];
    return { address: [high >> 8, high & 255, low >> 8, low & 255].join('.'), type: 'ipv4' };
  }
  return { address, type: isIP(address) === 6 ? 'ipv6' : 'ipv4' };
}

/** Why a connection to this address and port is refused, or undefined when it is allowed. */
export function refusedAddress(rawAddress: string, port: number, policy: UrlPolicy): string | undefined {
  const { address, type } = unmap(rawAddress);
  if (blocked.check(address, type)) return `${address} is a link-local, metadata, multicast or unspecified address`;
  if (loopback.check(address, type) && policy.ownPorts().includes(port)) return `${address}:${port} is Parallax's own API`;
  return undefined;
}

export const portOf = (url: URL): number => (url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80);

/** Checks what can be checked before connecting: scheme, metadata names, literal addresses. */
export function refusedUrl(url: URL, policy: UrlPolicy): string | undefined {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'only http and https URLs are allowed';
  if (url.username || url.password) return 'URLs with credentials are not allowed';
  // A fully qualified name may end with a dot (`localhost.`, `metadata.google.internal.`): the same host.
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase().replace(/\.+$/, '');
  if (METADATA_NAMES.has(host)) return `${host} is a cloud metadata host`;
  if (host === 'localhost' && policy.ownPorts().includes(portOf(url))) return `localhost:${portOf(url)} is Parallax's own API`;
  if (isIP(host)) return refusedAddress(host, portOf(url), policy);
  return undefined;
}

/** A DNS lookup for http.request that refuses forbidden resolved addresses. */
export function guardedLookup(port: number, policy: UrlPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 4);
      for (const { address } of addresses) {
        const refused = refusedAddress(address, port, policy);
        if (refused) return callback(Object.assign(new Error(`Refused: ${hostname} resolves to ${refused}`), { code: 'EREFUSED_ADDRESS' }), '', 4);
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0] as LookupAddress;
      callback(null, first.address, first.family);
    });
  };
}
