package dev.swarm.a2a.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;

/**
 * Serves the Agent Card with the caching headers of spec §8.6: {@code Cache-Control}, a strong
 * {@code ETag} over the exact bytes, and {@code Last-Modified} at server start; conditional
 * requests get 304.
 */
final class AgentCardResponse {
  private static final String CACHE_CONTROL = "public, max-age=300";

  private AgentCardResponse() {}

  static void write(ChannelHandlerContext ctx, FullHttpRequest request, ServerState state) {
    byte[] body = state.cards.render(state.card, state.baseUrl(request.headers())).toString().getBytes(StandardCharsets.UTF_8);
    String etag = etag(body);
    String lastModified = DateFormatter.format(Date.from(state.startedAt));
    String ifNoneMatch = request.headers().get(HttpHeaderNames.IF_NONE_MATCH);
    String ifModifiedSince = request.headers().get(HttpHeaderNames.IF_MODIFIED_SINCE);
    boolean notModified = ifNoneMatch != null
        ? ifNoneMatch.equals("*") || Arrays.stream(ifNoneMatch.split(",")).map(String::trim).anyMatch(etag::equals)
        : ifModifiedSince != null && notModifiedSince(ifModifiedSince, state);
    FullHttpResponse response = notModified
        ? new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NOT_MODIFIED)
        : HttpHandler.response(HttpResponseStatus.OK, body, "application/json");
    if (!notModified && request.method().equals(HttpMethod.HEAD)) {
      response.content().clear();
    }
    response.headers()
        .set(HttpHeaderNames.CACHE_CONTROL, CACHE_CONTROL)
        .set(HttpHeaderNames.ETAG, etag)
        .set(HttpHeaderNames.LAST_MODIFIED, lastModified);
    HttpHandler.send(ctx, request, response, false);
  }

  private static boolean notModifiedSince(String header, ServerState state) {
    Date since = DateFormatter.parseHttpDate(header);
    // HTTP dates have whole seconds, so compare at that precision.
    return since != null && state.startedAt.getEpochSecond() <= since.toInstant().getEpochSecond();
  }

  private static String etag(byte[] body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22) + '"';
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM, which every Java platform must provide", e);
    }
  }
}
