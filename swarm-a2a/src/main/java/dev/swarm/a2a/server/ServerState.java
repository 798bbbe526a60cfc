package dev.swarm.a2a.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.swarm.api.AgentCard;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.codec.http.HttpHeaders;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * What every connection of one server shares: configuration, the dispatcher, and the counters
 * graceful shutdown watches.
 */
final class ServerState {
  final Limits limits;
  final ObjectMapper mapper;
  /** Serializes answers; built once because an ObjectWriter is immutable and caches its serializers. */
  private final ObjectWriter writer;
  final RpcDispatcher dispatcher;
  final Authenticator authenticator;
  final AgentCards cards;
  final AgentCard card;
  final ChannelGroup channels;
  final boolean tls;
  final Instant startedAt;
  final AtomicInteger connections = new AtomicInteger();
  final AtomicInteger inFlight = new AtomicInteger();
  private final @Nullable URI publicBaseUrl;
  private final boolean trustForwardedHeaders;
  private volatile boolean draining;
  private volatile boolean ready;
  private volatile String boundAuthority = "127.0.0.1";

  ServerState(Limits limits, RpcDispatcher dispatcher, Authenticator authenticator, AgentCards cards, AgentCard card,
      ChannelGroup channels, boolean tls, @Nullable URI publicBaseUrl, boolean trustForwardedHeaders) {
    this.limits = limits;
    this.dispatcher = dispatcher;
    this.authenticator = authenticator;
    this.cards = cards;
    this.card = card;
    this.channels = channels;
    this.tls = tls;
    this.publicBaseUrl = publicBaseUrl;
    this.trustForwardedHeaders = trustForwardedHeaders;
    this.startedAt = dispatcher.clock().instant();
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(limits.maxJsonDepth())
            .maxStringLength(limits.maxStringLength())
            .build())
        .build();
    this.mapper = new ObjectMapper(factory).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    // Characters beyond the BMP go out as plain UTF-8, as String-based JSON sent them, not as escaped surrogate pairs.
    this.writer = mapper.writer().with(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8);
  }

  /**
   * {@code json} serialized straight into a pooled I/O buffer: the same bytes as its
   * {@code toString()} in UTF-8, without the String, the byte array and the copy between.
   * The caller owns the buffer.
   */
  ByteBuf encode(ByteBufAllocator alloc, JsonNode json) {
    ByteBuf buffer = alloc.ioBuffer();
    try {
      writer.writeValue((OutputStream) new ByteBufOutputStream(buffer), json);
      return buffer;
    } catch (IOException | RuntimeException e) {
      buffer.release();
      throw new IllegalStateException("cannot serialize a JSON-RPC message", e);
    }
  }

  boolean draining() {
    return draining;
  }

  void startDraining() {
    draining = true;
    ready = false;
  }

  boolean ready() {
    return ready && !draining;
  }

  void markReady(String authority) {
    boundAuthority = authority;
    ready = true;
  }

  /**
   * The base URL a client used to reach us, for the card: the configured public URL, else the
   * {@code X-Forwarded-*} headers when trusted, else the Host header.
   */
  URI baseUrl(HttpHeaders headers) {
    if (publicBaseUrl != null) {
      return publicBaseUrl;
    }
    String scheme = tls ? "https" : "http";
    String host = headers.get("Host", boundAuthority);
    String prefix = "";
    if (trustForwardedHeaders) {
      scheme = first(headers.get("X-Forwarded-Proto"), scheme);
      host = first(headers.get("X-Forwarded-Host"), host);
      String port = first(headers.get("X-Forwarded-Port"), "");
      if (!port.isEmpty() && !host.contains(":")) {
        host = host + ":" + port;
      }
      prefix = first(headers.get("X-Forwarded-Prefix"), "");
      if (prefix.endsWith("/")) {
        prefix = prefix.substring(0, prefix.length() - 1);
      }
    }
    try {
      return URI.create(scheme + "://" + host + prefix);
    } catch (IllegalArgumentException e) {
      // A garbled Host header must not break the card for others; fall back to the bound address.
      return URI.create(scheme + "://" + boundAuthority);
    }
  }

  private static String first(@Nullable String list, String fallback) {
    if (list == null || list.isBlank()) {
      return fallback;
    }
    int comma = list.indexOf(',');
    return (comma < 0 ? list : list.substring(0, comma)).trim();
  }
}
