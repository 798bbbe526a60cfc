package dev.swarm.a2a.discovery;

import dev.swarm.api.SwarmException;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP endpoint where workers join an orchestrator's {@link Membership} and heartbeat, on
 * Netty. {@link Heartbeat} is its client. Routes, all JSON:
 *
 * <ul>
 *   <li>{@code POST /swarm/members} with {@code {"id":…,"cardUrl":…}}: join; 200 with the
 *       heartbeat interval in milliseconds as {@code {"heartbeatIntervalMillis":…}}
 *   <li>{@code POST /swarm/members/{id}/heartbeat}: 204, or 404 when the id is unknown and the
 *       worker must join again
 *   <li>{@code DELETE /swarm/members/{id}}: leave; 204
 *   <li>{@code GET /swarm/members}: the live peers as {@code [{"id":…,"cardUrl":…}]}
 * </ul>
 *
 * <p>With a bearer token set, every route needs {@code Authorization: Bearer <token>}.
 */
public final class MembershipServer implements AutoCloseable {
  private final Builder config;
  private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final @Nullable ExecutorService ownedExecutor;
  private final Executor executor;
  private @Nullable Channel channel;
  private boolean closed;

  private MembershipServer(Builder config) {
    this.config = config;
    this.ownedExecutor = config.executor == null ? Executors.newVirtualThreadPerTaskExecutor() : null;
    this.executor = config.executor != null ? config.executor : Objects.requireNonNull(ownedExecutor);
  }

  /** A builder serving {@code membership}; binds 127.0.0.1 on a free port unless told otherwise. */
  public static Builder builder(Membership membership) {
    return new Builder(membership);
  }

  /**
   * Binds and starts serving.
   *
   * @return the bound port
   * @throws IllegalStateException if already started or closed
   * @throws SwarmException.Permanent if the address cannot be bound
   */
  public synchronized int start() {
    if (channel != null || closed) {
      throw new IllegalStateException("membership server already " + (closed ? "closed" : "started"));
    }
    MembershipHandler handler = new MembershipHandler(config.membership, config.heartbeatIntervalMillis, config.bearerToken, executor);
    ServerBootstrap bootstrap = new ServerBootstrap()
        .group(group)
        .channel(NioServerSocketChannel.class)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(MembershipHandler.MAX_BODY_BYTES), handler);
          }
        });
    try {
      channel = bootstrap.bind(config.host, config.port).sync().channel();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SwarmException.Permanent("interrupted while binding the membership server to " + config.host + ":" + config.port, e);
    } catch (RuntimeException e) {
      throw new SwarmException.Permanent("cannot bind the membership server to " + config.host + ":" + config.port, e);
    }
    return port();
  }

  /**
   * The bound port.
   *
   * @throws IllegalStateException if not started
   */
  public synchronized int port() {
    Channel bound = channel;
    if (bound == null) {
      throw new IllegalStateException("membership server not started");
    }
    return ((InetSocketAddress) bound.localAddress()).getPort();
  }

  /** Stops serving. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (channel != null) {
      channel.close().syncUninterruptibly();
    }
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    if (ownedExecutor != null) {
      ownedExecutor.shutdown();
    }
  }

  /** Configures a {@link MembershipServer}. */
  public static final class Builder {
    private final Membership membership;
    private String host = "127.0.0.1";
    private int port;
    private @Nullable String bearerToken;
    private long heartbeatIntervalMillis = 5_000;
    private @Nullable Executor executor;

    private Builder(Membership membership) {
      this.membership = Objects.requireNonNull(membership, "membership must not be null");
    }

    /** The address to bind (default 127.0.0.1; use 0.0.0.0 to accept workers on other hosts). */
    public Builder host(String host) {
      Objects.requireNonNull(host, "host must not be null");
      if (host.isBlank()) {
        throw new IllegalArgumentException("host must not be blank");
      }
      this.host = host;
      return this;
    }

    /** The port to bind (default 0: a free one, see {@link MembershipServer#port()}). */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be in [0, 65535] but was " + port);
      }
      this.port = port;
      return this;
    }

    /** Requires {@code Authorization: Bearer <token>} on every route (default: none). */
    public Builder bearerToken(String token) {
      Objects.requireNonNull(token, "bearerToken must not be null");
      if (token.isBlank()) {
        throw new IllegalArgumentException("bearerToken must not be blank");
      }
      this.bearerToken = token;
      return this;
    }

    /** The heartbeat interval told to joining workers; match the membership's (default 5 s). */
    public Builder heartbeatInterval(Duration interval) {
      Objects.requireNonNull(interval, "heartbeatInterval must not be null");
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("heartbeatInterval must be positive but was " + interval);
      }
      this.heartbeatIntervalMillis = interval.toMillis();
      return this;
    }

    /** Runs membership updates off the event loop (default: virtual threads, owned). */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor must not be null");
      return this;
    }

    /** Builds the server; {@link MembershipServer#start()} binds it. */
    public MembershipServer build() {
      return new MembershipServer(this);
    }
  }
}
