package dev.swarm.a2a.server;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/** Builds each connection's pipeline: limits, TLS, HTTP codec, deadlines, aggregation, routing. */
final class A2aChannelInitializer extends ChannelInitializer<SocketChannel> {
  private static final int MAX_INITIAL_LINE = 4096;
  private static final int MAX_HEADERS = 16 * 1024;
  private static final int MAX_CHUNK = 16 * 1024;

  private final ServerState state;
  private final ConnectionLimiter limiter;
  private final @Nullable SslContext sslContext;

  A2aChannelInitializer(ServerState state, @Nullable SslContext sslContext) {
    this.state = state;
    this.limiter = new ConnectionLimiter(state);
    this.sslContext = sslContext;
  }

  @Override
  protected void initChannel(SocketChannel channel) {
    configure(channel.pipeline(), state, limiter, sslContext, channel);
  }

  /** Shared with tests, which build the same pipeline on an EmbeddedChannel. */
  static void configure(ChannelPipeline pipeline, ServerState state, ConnectionLimiter limiter,
      @Nullable SslContext sslContext, io.netty.channel.Channel channel) {
    pipeline.addLast(limiter);
    if (sslContext != null) {
      pipeline.addLast(sslContext.newHandler(channel.alloc()));
    }
    RequestDeadline deadline = new RequestDeadline(state.limits.requestReadTimeout());
    pipeline.addLast(RequestDeadline.ARM, deadline.arm());
    pipeline.addLast(new HttpServerCodec(MAX_INITIAL_LINE, MAX_HEADERS, MAX_CHUNK));
    pipeline.addLast(RequestDeadline.DISARM, deadline.disarm());
    pipeline.addLast(new IdleStateHandler(0, 0, state.limits.idleTimeout().toMillis(), TimeUnit.MILLISECONDS));
    pipeline.addLast(new HttpObjectAggregator(state.limits.maxRequestBytes()));
    pipeline.addLast(new HttpHandler(state));
  }
}
