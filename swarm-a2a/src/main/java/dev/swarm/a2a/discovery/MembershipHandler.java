package dev.swarm.a2a.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Routes the membership endpoints. Parses on the event loop, then applies the change on the
 * executor, because membership listeners are the host's code and may be slower than an event loop
 * allows.
 */
@ChannelHandler.Sharable
final class MembershipHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  static final int MAX_BODY_BYTES = 16 * 1024;
  private static final String MEMBERS = "/swarm/members";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Membership membership;
  private final long heartbeatIntervalMillis;
  private final byte @Nullable [] expectedAuthorization;
  private final Executor executor;

  MembershipHandler(Membership membership, long heartbeatIntervalMillis, @Nullable String bearerToken, Executor executor) {
    this.membership = membership;
    this.heartbeatIntervalMillis = heartbeatIntervalMillis;
    this.expectedAuthorization = bearerToken == null ? null : ("Bearer " + bearerToken).getBytes(StandardCharsets.UTF_8);
    this.executor = executor;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    if (!authorized(request)) {
      reply(ctx, keepAlive, HttpResponseStatus.UNAUTHORIZED, "{\"error\":\"missing or wrong bearer token\"}");
      return;
    }
    String path = new QueryStringDecoder(request.uri()).path();
    HttpMethod method = request.method();
    if (path.equals(MEMBERS) && method.equals(HttpMethod.POST)) {
      Peer peer;
      try {
        peer = parsePeer(request.content().toString(StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        reply(ctx, keepAlive, HttpResponseStatus.BAD_REQUEST, error(e.getMessage()));
        return;
      }
      apply(ctx, keepAlive, () -> {
        membership.join(peer);
        return "{\"heartbeatIntervalMillis\":" + heartbeatIntervalMillis + "}";
      });
    } else if (path.equals(MEMBERS) && method.equals(HttpMethod.GET)) {
      apply(ctx, keepAlive, () -> {
        ArrayNode peers = JSON.createArrayNode();
        membership.peers().forEach(p -> peers.addObject().put("id", p.id()).put("cardUrl", p.cardUrl().toString()));
        return peers.toString();
      });
    } else if (path.startsWith(MEMBERS + "/") && path.endsWith("/heartbeat") && method.equals(HttpMethod.POST)) {
      String id = path.substring(MEMBERS.length() + 1, path.length() - "/heartbeat".length());
      executor.execute(() -> {
        boolean known = membership.heartbeat(decode(id));
        if (known) {
          reply(ctx, keepAlive, HttpResponseStatus.NO_CONTENT, "");
        } else {
          reply(ctx, keepAlive, HttpResponseStatus.NOT_FOUND, error("unknown member " + id + "; join again"));
        }
      });
    } else if (path.startsWith(MEMBERS + "/") && method.equals(HttpMethod.DELETE)) {
      String id = path.substring(MEMBERS.length() + 1);
      executor.execute(() -> {
        membership.leave(decode(id));
        reply(ctx, keepAlive, HttpResponseStatus.NO_CONTENT, "");
      });
    } else {
      reply(ctx, keepAlive, HttpResponseStatus.NOT_FOUND, error("no route " + method + " " + path));
    }
  }

  private void apply(ChannelHandlerContext ctx, boolean keepAlive, Supplier<String> change) {
    executor.execute(() -> {
      try {
        reply(ctx, keepAlive, HttpResponseStatus.OK, change.get());
      } catch (IllegalArgumentException | IllegalStateException e) {
        reply(ctx, keepAlive, HttpResponseStatus.CONFLICT, error(e.getMessage()));
      }
    });
  }

  private boolean authorized(FullHttpRequest request) {
    if (expectedAuthorization == null) {
      return true;
    }
    String given = request.headers().get(HttpHeaderNames.AUTHORIZATION, "");
    return MessageDigest.isEqual(expectedAuthorization, given.getBytes(StandardCharsets.UTF_8));
  }

  /** The peer in a join body, or an IAE naming what is wrong with it. */
  static Peer parsePeer(String body) {
    JsonNode node;
    try {
      node = JSON.readTree(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("join body must be JSON like {\"id\":…,\"cardUrl\":…} but was not parseable");
    }
    if (node == null || !node.path("id").isTextual() || !node.path("cardUrl").isTextual()) {
      throw new IllegalArgumentException("join body must have string fields id and cardUrl");
    }
    try {
      return new Peer(node.get("id").asText(), new URI(node.get("cardUrl").asText()));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("cardUrl must be a URL but was " + node.get("cardUrl").asText());
    }
  }

  private static String decode(String pathSegment) {
    return QueryStringDecoder.decodeComponent(pathSegment);
  }

  private static String error(@Nullable String message) {
    return JSON.createObjectNode().put("error", message == null ? "bad request" : message).toString();
  }

  private static void reply(ChannelHandlerContext ctx, boolean keepAlive, HttpResponseStatus status, String body) {
    FullHttpResponse response = new DefaultFullHttpResponse(
        HttpVersion.HTTP_1_1, status, Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
    if (!body.isEmpty()) {
      response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
    }
    HttpUtil.setContentLength(response, response.content().readableBytes());
    HttpUtil.setKeepAlive(response, keepAlive);
    var written = ctx.writeAndFlush(response);
    if (!keepAlive) {
      written.addListener(ChannelFutureListener.CLOSE);
    }
  }
}
