package dev.swarm.a2a.server;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swarm.a2a.server.JsonRpc.Call;
import dev.swarm.a2a.server.RpcDispatcher.Caller;
import dev.swarm.a2a.server.RpcDispatcher.Reply;
import dev.swarm.a2a.server.RpcDispatcher.Stream;
import dev.swarm.a2a.server.TaskModel.Event;
import dev.swarm.a2a.server.TaskModel.TaskView;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * The WebSocket binding on one upgraded connection: each text frame is one JSON-RPC request, each
 * answer a frame carrying its id; streams send several frames, the last one carrying a terminal or
 * interrupted state. Many
 * calls run at once on one connection, which is what makes it a low-latency peer link.
 */
final class WebSocketHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
  private final ServerState state;
  private final Caller caller;
  private final @Nullable String version;
  private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();

  private WebSocketHandler(ServerState state, Caller caller, @Nullable String version) {
    this.state = state;
    this.caller = caller;
    this.version = version;
  }

  /** Completes the handshake and turns the connection into a WebSocket peer link. */
  static void upgrade(ChannelHandlerContext ctx, FullHttpRequest request, ServerState state, Caller caller) {
    String location = (state.tls ? "wss://" : "ws://") + request.headers().get("Host", "localhost") + AgentCards.WEBSOCKET_PATH;
    WebSocketServerHandshakerFactory factory = new WebSocketServerHandshakerFactory(location, null,
        WebSocketDecoderConfig.newBuilder().maxFramePayloadLength(state.limits.maxRequestBytes()).build());
    WebSocketServerHandshaker handshaker = factory.newHandshaker(request);
    if (handshaker == null) {
      WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
      return;
    }
    if (!"websocket".equalsIgnoreCase(request.headers().get("Upgrade"))) {
      HttpHandler.send(ctx, request, HttpHandler.response(HttpResponseStatus.BAD_REQUEST,
          "this path is the WebSocket binding; send an Upgrade: websocket request", "text/plain"), false);
      return;
    }
    WebSocketHandler handler = new WebSocketHandler(state, caller, request.headers().get(HttpHandler.A2A_VERSION));
    ChannelPipeline pipeline = ctx.pipeline();
    handshaker.handshake(ctx.channel(), request).addListener(done -> {
      if (done.isSuccess()) {
        pipeline.remove(RequestDeadline.ARM);
        pipeline.remove(RequestDeadline.DISARM);
        pipeline.addLast(new WebSocketFrameAggregator(state.limits.maxRequestBytes()), handler);
        pipeline.remove(HttpHandler.class);
      }
    });
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
    switch (frame) {
      case TextWebSocketFrame text -> request(ctx, text.text());
      case PingWebSocketFrame ping -> ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
      case CloseWebSocketFrame close -> ctx.writeAndFlush(close.retainedDuplicate()).addListener(f -> ctx.close());
      default -> ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.INVALID_MESSAGE_TYPE, "send JSON-RPC as text frames"))
          .addListener(f -> ctx.close());
    }
  }

  private void request(ChannelHandlerContext ctx, String text) {
    JsonNode body;
    try {
      body = state.mapper.readTree(text);
    } catch (StreamConstraintsException e) {
      answer(ctx, error(NullNode.getInstance(), new RpcError(RpcError.Code.INVALID_REQUEST, "request exceeds a limit: " + e.getOriginalMessage())));
      return;
    } catch (IOException e) {
      answer(ctx, error(NullNode.getInstance(), new RpcError(RpcError.Code.PARSE_ERROR, "Invalid JSON payload")));
      return;
    }
    Call call;
    try {
      call = JsonRpc.parse(body, version == null ? "1.0" : version);
    } catch (RpcError e) {
      answer(ctx, error(JsonRpc.idOf(body), e));
      return;
    }
    // Counted like HTTP calls, so a graceful shutdown waits for peer-link calls too.
    state.inFlight.incrementAndGet();
    state.dispatcher.dispatch(call, caller).whenComplete((outcome, failure) -> {
      if (failure != null) {
        answer(ctx, error(call.id(), RpcDispatcher.unwrap(failure)));
        state.inFlight.decrementAndGet();
      } else if (outcome instanceof Stream stream) {
        Subscription subscription = new Subscription(ctx, call.id(), stream);
        subscriptions.add(subscription);
        stream.entry().subscribe(subscription);
        stream.start().run();
      } else {
        if (!call.notification()) {
          answer(ctx, JsonRpc.result(call.id(), ((Reply) outcome).result()));
        }
        state.inFlight.decrementAndGet();
      }
    });
  }

  private ObjectNode error(JsonNode id, RpcError error) {
    return JsonRpc.error(id, error, Dialect.V1_0, state.dispatcher.clock());
  }

  /** Queues a frame on the event loop, behind the frames before it; serialized there, into a pooled buffer. */
  private void answer(ChannelHandlerContext ctx, ObjectNode message) {
    ctx.executor().execute(() -> ctx.writeAndFlush(new TextWebSocketFrame(state.encode(ctx.alloc(), message))));
  }

  /** One stream on the connection; frames are queued on the event loop to keep their order. */
  private final class Subscription implements TaskEntry.Subscriber {
    private final ChannelHandlerContext ctx;
    private final JsonNode id;
    private final Stream stream;
    private final AtomicBoolean ended = new AtomicBoolean();

    Subscription(ChannelHandlerContext ctx, JsonNode id, Stream stream) {
      this.ctx = ctx;
      this.id = id;
      this.stream = stream;
    }

    @Override
    public void onSnapshot(TaskView view) {
      answer(ctx, JsonRpc.result(id, ProtocolJson.streamTask(view, stream.dialect())));
    }

    @Override
    public void onEvent(Event event) {
      TaskEntry entry = stream.entry();
      answer(ctx, JsonRpc.result(id, ProtocolJson.streamEvent(event, entry.id, entry.contextId, stream.dialect())));
    }

    @Override
    public void onEnd() {
      // The event before carried the terminal or interrupted state, which is how a client sees the end.
      end();
    }

    void end() {
      if (ended.compareAndSet(false, true)) {
        subscriptions.remove(this);
        stream.entry().unsubscribe(this);
        state.inFlight.decrementAndGet();
      }
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
    if (event instanceof IdleStateEvent) {
      ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE, "idle")).addListener(f -> ctx.close());
    } else {
      super.userEventTriggered(ctx, event);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    subscriptions.forEach(Subscription::end);
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }
}
