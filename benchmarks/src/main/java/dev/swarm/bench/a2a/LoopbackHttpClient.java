package dev.swarm.bench.a2a;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One keep-alive HTTP/1.1 connection that posts JSON-RPC bodies and waits for each answer: the
 * leanest client we could put in front of both servers, so the benchmark measures the servers.
 */
final class LoopbackHttpClient implements AutoCloseable {
  private final Channel channel;
  private final String host;
  private volatile CompletableFuture<String> pending = new CompletableFuture<>();

  LoopbackHttpClient(EventLoopGroup group, int port) throws InterruptedException {
    this.host = "127.0.0.1:" + port;
    this.channel = new Bootstrap()
        .group(group)
        .channel(NioSocketChannel.class)
        .option(ChannelOption.TCP_NODELAY, true)
        .handler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(1 << 20),
                new SimpleChannelInboundHandler<FullHttpResponse>() {
                  @Override
                  protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
                    pending.complete(response.content().toString(StandardCharsets.UTF_8));
                  }

                  @Override
                  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                    pending.completeExceptionally(cause);
                    ctx.close();
                  }
                });
          }
        })
        .connect("127.0.0.1", port).sync().channel();
  }

  /** Posts {@code body} to {@code /} and returns the response body. */
  String post(String body) throws InterruptedException, ExecutionException, TimeoutException {
    CompletableFuture<String> answer = new CompletableFuture<>();
    pending = answer;
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/", Unpooled.wrappedBuffer(bytes));
    request.headers()
        .set(HttpHeaderNames.HOST, host)
        .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
        .set(HttpHeaderNames.ACCEPT, HttpHeaderValues.APPLICATION_JSON)
        .set("A2A-Version", "1.0")
        .set(HttpHeaderNames.CONTENT_LENGTH, bytes.length)
        .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
    channel.writeAndFlush(request);
    return answer.get(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    channel.close().syncUninterruptibly();
  }
}
