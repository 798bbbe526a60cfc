package dev.swarm.a2a.server;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Refuses webhook URLs that would make the server call into its own network (SSRF, spec §13.2):
 * only http(s), and no loopback, private, link-local, wildcard or multicast address unless the
 * operator allowed private targets. Resolves the host name, so call it off the event loop.
 */
final class WebhookGuard {
  private final boolean allowPrivate;

  WebhookGuard(boolean allowPrivate) {
    this.allowPrivate = allowPrivate;
  }

  /** Throws an invalid-params error naming why {@code url} is refused. */
  void check(URI url) {
    String scheme = url.getScheme();
    if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
      throw RpcError.invalidParams("webhook url must be http or https but was " + url);
    }
    if (url.getHost() == null || url.getUserInfo() != null) {
      throw RpcError.invalidParams("webhook url must name a host and carry no user info: " + url);
    }
    if (allowPrivate) {
      return;
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(url.getHost());
    } catch (UnknownHostException e) {
      throw RpcError.invalidParams("webhook host does not resolve: " + url.getHost());
    }
    for (InetAddress address : addresses) {
      if (isInternal(address)) {
        throw RpcError.invalidParams(
            "webhook url " + url + " resolves to internal address " + address.getHostAddress()
                + "; only public addresses are allowed");
      }
    }
  }

  static boolean isInternal(InetAddress address) {
    byte[] raw = address.getAddress();
    boolean uniqueLocalV6 = raw.length == 16 && (raw[0] & 0xfe) == 0xfc;
    boolean carrierGradeNat = raw.length == 4 && (raw[0] & 0xff) == 100 && (raw[1] & 0xc0) == 64;
    return address.isLoopbackAddress()
        || address.isSiteLocalAddress()
        || address.isLinkLocalAddress()
        || address.isAnyLocalAddress()
        || address.isMulticastAddress()
        || uniqueLocalV6
        || carrierGradeNat;
  }
}
