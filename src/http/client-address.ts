import type { IncomingMessage } from "node:http";
import { isIP, SocketAddress } from "node:net";
import proxyAddr from "proxy-addr";

/** The client's address from the socket's and the X-Forwarded-For header. */
export type ClientAddressResolver = (
  socketAddress: string | undefined,
  forwardedFor: string | string[] | null | undefined,
) => string;

/**
 * Resolves the client address for rate limits: X-Forwarded-For is believed
 * only as far as it was written by the proxies in TRUSTED_PROXIES (addresses,
 * CIDRs, or proxy-addr's names such as loopback and uniquelocal). Walking from
 * the socket leftwards, the first address that is not a trusted proxy is the
 * client; whatever the client wrote further left is ignored. An entry that is
 * not an address (garbage, a port) is not believed either: the last trusted
 * hop stands for the client, so made-up values cannot open fresh buckets.
 */
export function createClientAddressResolver(trustedProxies: readonly string[]): ClientAddressResolver {
  const trust = proxyAddr.compile([...trustedProxies]);
  return (socketAddress, forwardedFor) => {
    if (!socketAddress) return "unknown";
    if (trustedProxies.length === 0) return normalise(socketAddress);
    const header = Array.isArray(forwardedFor) ? forwardedFor.join(", ") : (forwardedFor ?? "");
    // proxy-addr reads only these two fields of a Node request.
    const request = { socket: { remoteAddress: socketAddress }, headers: { "x-forwarded-for": header } };
    const chain = proxyAddr.all(request as unknown as IncomingMessage, trust);
    const client = chain[chain.length - 1] ?? socketAddress;
    return normalise(isIP(client) ? client : (chain[chain.length - 2] ?? socketAddress));
  };
}

/** The client address of a Node request (the live streams, which are served before Hono). */
export function clientAddressOf(resolve: ClientAddressResolver, request: IncomingMessage): string {
  return resolve(request.socket.remoteAddress, request.headers["x-forwarded-for"]);
}

const ipv4Mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/** One spelling per address: IPv4-mapped IPv6 as IPv4, IPv6 in its compressed lower-case form. */
function normalise(address: string): string {
  const mapped = ipv4Mapped.exec(address)?.[1];
  if (mapped && isIP(mapped) === 4) return mapped;
  const family = isIP(address);
  if (family === 0) return address;
  return new SocketAddress({ address, family: family === 6 ? "ipv6" : "ipv4" }).address;
}
