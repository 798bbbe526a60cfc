package dev.swarm.a2a.server;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Closes connections beyond the configured maximum as soon as they open. Shared by all channels. */
@ChannelHandler.Sharable
final class ConnectionLimiter extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionLimiter.class);

  private final ServerState state;

  ConnectionLimiter(ServerState state) {
    this.state = state;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    int open = state.connections.incrementAndGet();
    if (open > state.limits.maxConnections()) {
      LOG.warn("Refusing a connection from {}: {} open, limit {}. Raise maxConnections if the load is legitimate",
          ctx.channel().remoteAddress(), open - 1, state.limits.maxConnections());
      ctx.close();
      return;
    }
    state.channels.add(ctx.channel());
    ctx.fireChannelActive();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    state.connections.decrementAndGet();
    ctx.fireChannelInactive();
  }
}
