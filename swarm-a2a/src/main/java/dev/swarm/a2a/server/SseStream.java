package dev.swarm.a2a.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swarm.a2a.server.RpcDispatcher.Stream;
import dev.swarm.a2a.server.TaskModel.Event;
import dev.swarm.a2a.server.TaskModel.TaskView;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GenericFutureListener;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * One SSE response following a task: the Task first, then its status and artifact updates, every
 * {@code data:} a JSON-RPC response with the request's id, comment lines while idle, and the end
 * of the response once the task is terminal or interrupted. Events come from agent threads under
 * the task's lock; each write is queued on the channel's event loop so they leave in that order.
 */
final class SseStream implements TaskEntry.Subscriber {
  private static final byte[] KEEP_ALIVE = ": keep-alive\n\n".getBytes(StandardCharsets.US_ASCII);

  private final ChannelHandlerContext ctx;
  private final ServerState state;
  private final JsonNode id;
  private final Stream outcome;
  private final boolean keepAlive;
  private final Runnable onDone;
  private final AtomicBoolean ended = new AtomicBoolean();
  private @Nullable ScheduledFuture<?> keepAliveTimer;
  private boolean flushPending;
  private final GenericFutureListener<Future<? super Void>> onClose = closed -> abandon();

  /** @param onDone runs on the event loop once the response is complete (not on a disconnect) */
  SseStream(ChannelHandlerContext ctx, ServerState state, JsonNode id, Stream outcome, boolean keepAlive, Runnable onDone) {
    this.onDone = onDone;
    this.ctx = ctx;
    this.state = state;
    this.id = id;
    this.outcome = outcome;
    this.keepAlive = keepAlive;
  }

  /** Sends the headers, subscribes, then lets the task start. */
  void open() {
    HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
    response.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream")
        .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE)
        .set("X-Accel-Buffering", "no")
        .set(HttpHeaderNames.CONNECTION, keepAlive ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE);
    HttpUtil.setTransferEncodingChunked(response, true);
    ctx.executor().execute(() -> {
      ctx.write(response);
      flushSoon();
      long every = state.limits.keepAliveInterval().toMillis();
      keepAliveTimer = ctx.executor().scheduleAtFixedRate(
          () -> ctx.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(KEEP_ALIVE))), every, every, TimeUnit.MILLISECONDS);
    });
    // Also covers a client that left before the stream opened: the close future has fired already.
    ctx.channel().closeFuture().addListener(onClose);
    outcome.entry().subscribe(this);
    outcome.start().run();
  }

  @Override
  public void onSnapshot(TaskView view) {
    send(ProtocolJson.streamTask(view, outcome.dialect()));
  }

  @Override
  public void onEvent(Event event) {
    TaskEntry entry = outcome.entry();
    send(ProtocolJson.streamEvent(event, entry.id, entry.contextId, outcome.dialect()));
  }

  @Override
  public void onEnd() {
    ctx.executor().execute(() -> {
      if (end()) {
        var done = ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
        if (!keepAlive) {
          done.addListener(ChannelFutureListener.CLOSE);
        }
        onDone.run();
      }
    });
  }

  /** The client left (or the stream ended): stop following the task, which keeps running. */
  private void abandon() {
    outcome.entry().unsubscribe(this);
    ctx.executor().execute(this::end);
  }

  private boolean end() {
    if (!ended.compareAndSet(false, true)) {
      return false;
    }
    if (keepAliveTimer != null) {
      keepAliveTimer.cancel(false);
    }
    ctx.channel().closeFuture().removeListener(onClose);
    state.inFlight.decrementAndGet();
    return true;
  }

  private void send(ObjectNode result) {
    byte[] json = JsonRpc.result(id, result).toString().getBytes(StandardCharsets.UTF_8);
    var buffer = Unpooled.buffer(json.length + 8);
    buffer.writeBytes("data: ".getBytes(StandardCharsets.US_ASCII)).writeBytes(json).writeByte('\n').writeByte('\n');
    ctx.executor().execute(() -> {
      ctx.write(new DefaultHttpContent(buffer));
      flushSoon();
    });
  }

  /**
   * Flushes once after the writes already queued on the event loop, so an agent that produces
   * several events at once costs one system call, not one per event. Event loop only.
   */
  private void flushSoon() {
    if (!flushPending) {
      flushPending = true;
      ctx.executor().execute(() -> {
        flushPending = false;
        ctx.flush();
      });
    }
  }
}
