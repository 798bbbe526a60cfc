package dev.swarm.a2a.client;

/** HTTP header names and values of the A2A 1.0 service parameters (spec section 3.6). */
final class A2aHeaders {
  static final String VERSION = "A2A-Version";
  static final String PROTOCOL_VERSION = "1.0";

  private A2aHeaders() {}
}
