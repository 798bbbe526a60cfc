package dev.swarm.inference;

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
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI-compatible chat completions server on loopback that answers from a script: each
 * request takes the next {@link Step}; when the script is empty it answers normally. Counts every
 * request it receives.
 */
final class FakeOpenAiServer implements AutoCloseable {
  /** What the server does with one request. */
  sealed interface Step {
    /** A normal completion. */
    record Answer(String content, int promptTokens, int completionTokens) implements Step {}

    /** An error status with extra headers, e.g. 429 with Retry-After. */
    record Status(int code, Map<String, String> headers) implements Step {}

    /** Never answer: the client must time out. */
    record Hang() implements Step {}

    /** Reset the connection without answering. */
    record Reset() implements Step {}

    /** 200 with a body cut off mid-JSON. */
    record Malformed() implements Step {}

    /** 200 with an empty choices array. */
    record EmptyChoices() implements Step {}
  }

  private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final Queue<Step> script = new ConcurrentLinkedQueue<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final Channel channel;
  private final String model;

  FakeOpenAiServer(String model) throws InterruptedException {
    this.model = model;
    this.channel = new ServerBootstrap()
        .group(group)
        .channel(NioServerSocketChannel.class)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20),
                new ChatCompletionsHandler(FakeOpenAiServer.this));
          }
        })
        .bind("127.0.0.1", 0).sync().channel();
  }

  FakeOpenAiServer then(Step... steps) {
    script.addAll(java.util.List.of(steps));
    return this;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + ((InetSocketAddress) channel.localAddress()).getPort() + "/v1";
  }

  int requests() {
    return requests.get();
  }

  String model() {
    return model;
  }

  Step next() {
    requests.incrementAndGet();
    Step step = script.poll();
    return step != null ? step : new Step.Answer(model + " says hi", 12, 7);
  }

  @Override
  public void close() {
    channel.close().syncUninterruptibly();
    group.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.MILLISECONDS).syncUninterruptibly();
  }
}
