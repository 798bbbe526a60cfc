package dev.swarm.a2a.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Drops a connection whose request does not arrive completely within the deadline of its first
 * read, which is what defeats a slowloris client that keeps a connection busy by trickling bytes
 * (an idle timeout alone never fires for it). Two handlers share one deadline: {@link #ARM} sits
 * before the HTTP codec and sees raw bytes, {@link #DISARM} sits after it and sees a request end.
 *
 * <p>The timer is only scheduled when a read ends with a request still incomplete. A request that
 * arrives in one read, as nearly every small JSON-RPC call does, then costs no timer at all,
 * rather than one scheduled and cancelled on the event loop per request.
 */
final class RequestDeadline {
  static final String ARM = "request-deadline-arm";
  static final String DISARM = "request-deadline-disarm";

  private final long timeoutNanos;
  /** Whether bytes of a request have arrived and its end has not. Event loop only. */
  private boolean inRequest;
  private @Nullable ScheduledFuture<?> timer;

  RequestDeadline(Duration timeout) {
    this.timeoutNanos = timeout.toNanos();
  }

  ChannelInboundHandlerAdapter arm() {
    return new ChannelInboundHandlerAdapter() {
      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf bytes && bytes.isReadable()) {
          inRequest = true;
        }
        ctx.fireChannelRead(msg);
      }

      @Override
      public void channelReadComplete(ChannelHandlerContext ctx) {
        // The codec has seen every byte of this read by now: still inside a request means it is partial.
        if (inRequest && timer == null) {
          timer = ctx.executor().schedule(() -> {
            ctx.close();
          }, timeoutNanos, TimeUnit.NANOSECONDS);
        }
        ctx.fireChannelReadComplete();
      }

      @Override
      public void channelInactive(ChannelHandlerContext ctx) {
        cancel();
        ctx.fireChannelInactive();
      }
    };
  }

  ChannelInboundHandlerAdapter disarm() {
    return new ChannelInboundHandlerAdapter() {
      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof LastHttpContent) {
          inRequest = false;
          cancel();
        }
        ctx.fireChannelRead(msg);
      }
    };
  }

  private void cancel() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }
}
