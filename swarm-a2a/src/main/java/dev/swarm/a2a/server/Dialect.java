package dev.swarm.a2a.server;

/**
 * The protocol version a request speaks. 1.0 uses PascalCase methods and ProtoJSON shapes; 0.3
 * uses slash-named methods and {@code kind}-tagged shapes, and is what a request without the
 * {@code A2A-Version} header means.
 */
enum Dialect {
  V1_0,
  V0_3
}
