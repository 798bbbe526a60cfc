package dev.swarm.inference;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/** Answers {@code POST /v1/chat/completions} as its {@link FakeOpenAiServer}'s script says. */
final class ChatCompletionsHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  private final FakeOpenAiServer server;

  ChatCompletionsHandler(FakeOpenAiServer server) {
    this.server = server;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    if (!request.uri().endsWith("/chat/completions")) {
      respond(ctx, request, HttpResponseStatus.NOT_FOUND, "{\"error\":{\"message\":\"no such path\"}}");
      return;
    }
    switch (server.next()) {
      case FakeOpenAiServer.Step.Answer a -> respond(ctx, request, HttpResponseStatus.OK, completion(
          "[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + a.content()
              + "\"},\"finish_reason\":\"stop\"}]", a.promptTokens(), a.completionTokens()));
      case FakeOpenAiServer.Step.Status s -> {
        FullHttpResponse response = response(HttpResponseStatus.valueOf(s.code()),
            "{\"error\":{\"message\":\"scripted status " + s.code() + "\",\"type\":\"server_error\"}}");
        s.headers().forEach((name, value) -> response.headers().set(name, value));
        write(ctx, request, response);
      }
      case FakeOpenAiServer.Step.Hang h -> {
        // Say nothing; the client's time limit has to end the call.
      }
      case FakeOpenAiServer.Step.Reset r -> {
        ctx.channel().config().setOption(ChannelOption.SO_LINGER, 0);
        ctx.close();
      }
      case FakeOpenAiServer.Step.Malformed m ->
          respond(ctx, request, HttpResponseStatus.OK, "{\"id\":\"chatcmpl-1\",\"choices\":[{\"message\":{\"cont");
      case FakeOpenAiServer.Step.EmptyChoices e -> respond(ctx, request, HttpResponseStatus.OK, completion("[]", 12, 0));
    }
  }

  private String completion(String choices, int promptTokens, int completionTokens) {
    return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1767225600,\"model\":\""
        + server.model() + "\",\"choices\":" + choices + ",\"usage\":{\"prompt_tokens\":" + promptTokens
        + ",\"completion_tokens\":" + completionTokens + ",\"total_tokens\":" + (promptTokens + completionTokens) + "}}";
  }

  private static void respond(ChannelHandlerContext ctx, FullHttpRequest request, HttpResponseStatus status, String body) {
    write(ctx, request, response(status, body));
  }

  private static FullHttpResponse response(HttpResponseStatus status, String body) {
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
        Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
    HttpUtil.setContentLength(response, response.content().readableBytes());
    return response;
  }

  private static void write(ChannelHandlerContext ctx, FullHttpRequest request, FullHttpResponse response) {
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    HttpUtil.setKeepAlive(response, keepAlive);
    var future = ctx.writeAndFlush(response);
    if (!keepAlive) {
      future.addListener(ChannelFutureListener.CLOSE);
    }
  }
}
