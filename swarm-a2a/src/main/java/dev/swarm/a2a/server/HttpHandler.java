package dev.swarm.a2a.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swarm.a2a.server.JsonRpc.Call;
import dev.swarm.a2a.server.RpcDispatcher.Caller;
import dev.swarm.a2a.server.RpcDispatcher.Reply;
import dev.swarm.a2a.server.RpcDispatcher.Stream;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Routes one connection's HTTP requests: the Agent Card, health probes, the WebSocket upgrade and
 * JSON-RPC calls, answered as JSON or as an SSE stream. Runs on the connection's event loop and
 * never blocks it: calls complete through futures, whose answers are written from any thread.
 */
final class HttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  static final String A2A_VERSION = "A2A-Version";
  private static final String JSON = "application/json";

  /** Pipelined requests beyond this many waiting get the connection closed. */
  private static final int MAX_PIPELINED = 16;

  private final ServerState state;
  /** Requests that arrived while an answer was still pending; HTTP/1.1 answers must keep their order. */
  private final ArrayDeque<FullHttpRequest> waiting = new ArrayDeque<>();
  private boolean busy;

  HttpHandler(ServerState state) {
    this.state = state;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    if (!busy) {
      route(ctx, request);
    } else if (waiting.size() < MAX_PIPELINED) {
      waiting.add(request.retain());
    } else {
      ctx.close();
    }
  }

  /** The pending answer is out: serve the next pipelined request, if any. Runs on the event loop. */
  private void next(ChannelHandlerContext ctx) {
    busy = false;
    FullHttpRequest request;
    while (!busy && (request = waiting.poll()) != null) {
      try {
        route(ctx, request);
      } finally {
        request.release();
      }
    }
  }

  private void route(ChannelHandlerContext ctx, FullHttpRequest request) {
    if (request.decoderResult().isFailure()) {
      plain(ctx, request, HttpResponseStatus.BAD_REQUEST, "malformed HTTP request: " + request.decoderResult().cause().getMessage(), true);
      return;
    }
    String path = new QueryStringDecoder(request.uri()).path();
    HttpMethod method = request.method();
    if (path.equals("/healthz")) {
      plain(ctx, request, HttpResponseStatus.OK, "ok", false);
    } else if (path.equals("/readyz")) {
      boolean ready = state.ready();
      plain(ctx, request, ready ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE, ready ? "ready" : "not ready", false);
    } else if (state.draining()) {
      plain(ctx, request, HttpResponseStatus.SERVICE_UNAVAILABLE, "server is shutting down; retry on another instance", true);
    } else if (path.equals("/.well-known/agent-card.json") && (method.equals(HttpMethod.GET) || method.equals(HttpMethod.HEAD))) {
      AgentCardResponse.write(ctx, request, state);
    } else if (path.equals(AgentCards.WEBSOCKET_PATH) && method.equals(HttpMethod.GET)) {
      authenticated(ctx, request).ifPresent(caller -> WebSocketHandler.upgrade(ctx, request, state, caller));
    } else if (path.equals(AgentCards.RPC_PATH)) {
      if (!method.equals(HttpMethod.POST)) {
        FullHttpResponse response = response(HttpResponseStatus.METHOD_NOT_ALLOWED, "JSON-RPC calls use POST", "text/plain");
        response.headers().set(HttpHeaderNames.ALLOW, "POST");
        send(ctx, request, response, false);
      } else {
        authenticated(ctx, request).ifPresent(caller -> rpc(ctx, request, caller));
      }
    } else {
      plain(ctx, request, HttpResponseStatus.NOT_FOUND, "no such resource: " + path, false);
    }
  }

  private Optional<Caller> authenticated(ChannelHandlerContext ctx, FullHttpRequest request) {
    Optional<String> principal = state.authenticator.authenticate(request.headers());
    if (principal.isEmpty()) {
      FullHttpResponse response = response(HttpResponseStatus.UNAUTHORIZED,
          "{\"error\":\"unauthorized\",\"message\":\"missing or invalid credentials; see the agent card's securitySchemes\"}", JSON);
      response.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, state.authenticator.challenge());
      send(ctx, request, response, false);
      return Optional.empty();
    }
    HttpHeaders headers = request.headers();
    return Optional.of(new Caller(principal.get(), () -> state.baseUrl(headers)));
  }

  // ---- JSON-RPC ----

  private void rpc(ChannelHandlerContext ctx, FullHttpRequest request, Caller caller) {
    String contentType = request.headers().get(HttpHeaderNames.CONTENT_TYPE, JSON);
    if (!(contentType.startsWith(JSON) || contentType.startsWith("application/a2a+json"))) {
      plain(ctx, request, HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE, "JSON-RPC bodies must be application/json but were " + contentType, false);
      return;
    }
    String version = request.headers().get(A2A_VERSION);
    if (version == null) {
      List<String> query = new QueryStringDecoder(request.uri()).parameters().get(A2A_VERSION);
      version = query == null || query.isEmpty() ? null : query.get(0);
    }
    // Errors before a method is known follow the header; an unknown version gets 1.0's error shape.
    Dialect errorDialect = JsonRpc.version(version) == Dialect.V0_3 ? Dialect.V0_3 : Dialect.V1_0;
    JsonNode body;
    try {
      body = state.mapper.readTree(new ByteBufInputStream(request.content()));
    } catch (StreamConstraintsException e) {
      json(ctx, request, error(NullNode.getInstance(), new RpcError(RpcError.Code.INVALID_REQUEST,
          "request exceeds a limit: " + e.getOriginalMessage()), errorDialect));
      return;
    } catch (IOException e) {
      String detail = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
      json(ctx, request, error(NullNode.getInstance(), new RpcError(RpcError.Code.PARSE_ERROR, "Invalid JSON payload: " + detail), errorDialect));
      return;
    }
    if (body == null || body.isMissingNode()) {
      json(ctx, request, error(NullNode.getInstance(), new RpcError(RpcError.Code.PARSE_ERROR, "Invalid JSON payload: empty body"), errorDialect));
    } else if (body.isArray()) {
      batch(ctx, request, (ArrayNode) body, version, caller, errorDialect);
    } else {
      single(ctx, request, body, version, caller, errorDialect);
    }
  }

  private void single(ChannelHandlerContext ctx, FullHttpRequest request, JsonNode body, @Nullable String version, Caller caller, Dialect errorDialect) {
    Call call;
    try {
      call = JsonRpc.parse(body, version);
    } catch (RpcError e) {
      json(ctx, request, error(JsonRpc.idOf(body), e, errorDialect));
      return;
    }
    state.inFlight.incrementAndGet();
    busy = true;
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    state.dispatcher.dispatch(call, caller).whenComplete((outcome, failure) -> {
      if (failure != null) {
        finish(ctx, keepAlive, call.notification() ? null : error(call.id(), RpcDispatcher.unwrap(failure), call.dialect()));
      } else if (outcome instanceof Stream s) {
        new SseStream(ctx, state, call.id(), s, keepAlive, () -> next(ctx)).open();
      } else {
        finish(ctx, keepAlive, call.notification() ? null : JsonRpc.result(call.id(), ((Reply) outcome).result()));
      }
    });
  }

  /** Answers a batch with one array; streaming methods cannot share a batch and get an error each. */
  private void batch(ChannelHandlerContext ctx, FullHttpRequest request, ArrayNode batch, @Nullable String version, Caller caller, Dialect errorDialect) {
    if (batch.isEmpty()) {
      json(ctx, request, error(NullNode.getInstance(), new RpcError(RpcError.Code.INVALID_REQUEST, "a batch must not be empty"), errorDialect));
      return;
    }
    List<CompletableFuture<@Nullable ObjectNode>> answers = new ArrayList<>();
    for (JsonNode element : batch) {
      Call call;
      try {
        call = JsonRpc.parse(element, version);
        if (call.method().streams()) {
          throw new RpcError(RpcError.Code.INVALID_REQUEST, "streaming methods cannot be batched; send them alone");
        }
      } catch (RpcError e) {
        answers.add(CompletableFuture.completedFuture(error(JsonRpc.idOf(element), e, errorDialect)));
        continue;
      }
      answers.add(state.dispatcher.dispatch(call, caller).handle((outcome, failure) -> {
        if (call.notification()) {
          return null;
        }
        return failure != null
            ? error(call.id(), RpcDispatcher.unwrap(failure), call.dialect())
            : JsonRpc.result(call.id(), ((Reply) outcome).result());
      }));
    }
    state.inFlight.incrementAndGet();
    busy = true;
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).whenComplete((ignored, failure) -> {
      ArrayNode out = ProtocolJson.NODES.arrayNode();
      answers.stream().map(CompletableFuture::join).filter(a -> a != null).forEach(out::add);
      finish(ctx, keepAlive, out.isEmpty() ? null : out);
    });
  }

  private ObjectNode error(JsonNode id, RpcError error, Dialect dialect) {
    return JsonRpc.error(id, error, dialect, state.dispatcher.clock());
  }

  /** Writes a call's JSON answer (or 204 for notifications) and ends its in-flight count. */
  private void finish(ChannelHandlerContext ctx, boolean keepAlive, @Nullable JsonNode answer) {
    FullHttpResponse response = answer == null
        ? new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NO_CONTENT)
        : jsonResponse(ctx.alloc(), answer);
    write(ctx, response, keepAlive).addListener(f -> {
      state.inFlight.decrementAndGet();
      next(ctx);
    });
  }

  private void json(ChannelHandlerContext ctx, FullHttpRequest request, JsonNode answer) {
    send(ctx, request, jsonResponse(ctx.alloc(), answer), false);
  }

  /** A 200 JSON response, serialized straight into a pooled buffer. */
  private FullHttpResponse jsonResponse(ByteBufAllocator alloc, JsonNode answer) {
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, state.encode(alloc, answer));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, JSON);
    return response;
  }

  // ---- plumbing ----

  static FullHttpResponse response(HttpResponseStatus status, String body, String contentType) {
    return response(status, body.getBytes(StandardCharsets.UTF_8), contentType);
  }

  static FullHttpResponse response(HttpResponseStatus status, byte[] body, String contentType) {
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    return response;
  }

  private void plain(ChannelHandlerContext ctx, FullHttpRequest request, HttpResponseStatus status, String text, boolean close) {
    send(ctx, request, response(status, text, "text/plain; charset=utf-8"), close);
  }

  static void send(ChannelHandlerContext ctx, FullHttpRequest request, FullHttpResponse response, boolean close) {
    write(ctx, response, !close && HttpUtil.isKeepAlive(request));
  }

  static ChannelFuture write(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
    HttpUtil.setContentLength(response, response.content().readableBytes());
    if (keepAlive) {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
    } else {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    }
    ChannelFuture future = ctx.channel().writeAndFlush(response);
    if (!keepAlive) {
      future.addListener(ChannelFutureListener.CLOSE);
    }
    return future;
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
    if (event instanceof IdleStateEvent) {
      ctx.close();
    } else {
      super.userEventTriggered(ctx, event);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    waiting.forEach(FullHttpRequest::release);
    waiting.clear();
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }
}
