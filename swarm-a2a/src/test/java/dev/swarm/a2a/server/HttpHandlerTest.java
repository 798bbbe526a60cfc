package dev.swarm.a2a.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP pipeline on an EmbeddedChannel: bad input of every kind, batches, limits, disconnects. */
class HttpHandlerTest {
  private final ScriptedAgent agent = new ScriptedAgent();
  private A2aServer server;
  private EmbeddedChannel channel;

  private EmbeddedChannel channel(UnaryOperator<A2aServer.Builder> settings) {
    server = settings.apply(A2aServer.builder().agent(agent).ioThreads(1)).build();
    channel = new EmbeddedChannel();
    A2aChannelInitializer.configure(channel.pipeline(), server.state(), new ConnectionLimiter(server.state()), null, channel);
    return channel;
  }

  private EmbeddedChannel channel() {
    return channel(b -> b);
  }

  @AfterEach
  void close() {
    if (channel != null) {
      channel.finishAndReleaseAll();
    }
    server.close();
  }

  private static String post(String body) {
    return post(body, "application/json");
  }

  private static String post(String body, String contentType) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return "POST / HTTP/1.1\r\nHost: a\r\nA2A-Version: 1.0\r\nContent-Type: " + contentType
        + "\r\nContent-Length: " + bytes.length + "\r\n\r\n" + body;
  }

  private String exchange(String raw) {
    channel.writeInbound(Unpooled.copiedBuffer(raw, StandardCharsets.UTF_8));
    channel.runPendingTasks();
    return drain();
  }

  private String drain() {
    StringBuilder out = new StringBuilder();
    ByteBuf buffer;
    while ((buffer = channel.readOutbound()) != null) {
      out.append(buffer.toString(StandardCharsets.UTF_8));
      buffer.release();
    }
    return out.toString();
  }

  private static JsonNode body(String response) throws Exception {
    return Rpc.JSON.readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
  }

  @Test
  void malformedHttp_isAnswered400AndClosed() {
    channel();
    String response = exchange("BROKEN\r\n\r\n");
    assertThat(response).startsWith("HTTP/1.1 400");
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void badJson_isParseErrorWithNullId() throws Exception {
    channel();
    JsonNode answer = body(exchange(post("{\"jsonrpc\":\"2.0\",\"id\":1,")));
    assertThat(answer.path("error").path("code").asInt()).isEqualTo(-32700);
    assertThat(answer.path("id").isNull()).isTrue();
    assertThat(channel.isOpen()).isTrue();
  }

  @Test
  void missingJsonrpcOrMethod_isInvalidRequestEchoingTheId() throws Exception {
    channel();
    JsonNode answer = body(exchange(post("{\"id\":\"r1\",\"method\":\"GetTask\"}")));
    assertThat(answer.path("error").path("code").asInt()).isEqualTo(-32600);
    assertThat(answer.path("id").asText()).isEqualTo("r1");
    JsonNode noMethod = body(exchange(post("{\"jsonrpc\":\"2.0\",\"id\":2}")));
    assertThat(noMethod.path("error").path("message").asText()).contains("method");
  }

  @Test
  void unknownMethod_isMethodNotFound() throws Exception {
    channel();
    JsonNode answer = body(exchange(post("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"DoMagic\"}")));
    assertThat(answer.path("error").path("code").asInt()).isEqualTo(-32601);
    assertThat(answer.path("error").path("message").asText()).contains("DoMagic");
    assertThat(answer.path("id").asInt()).isEqualTo(7);
  }

  @Test
  void batch_answersEachCallInOneArray_skippingNotificationsAndRefusingStreams() throws Exception {
    channel();
    String batch = "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"GetTask\",\"params\":{\"id\":\"x\"}},"
        + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"SendMessage\",\"params\":" + Rpc.send("hi") + "},"
        + "{\"jsonrpc\":\"2.0\",\"method\":\"SendMessage\",\"params\":" + Rpc.send("note") + "},"
        + "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"SendStreamingMessage\",\"params\":" + Rpc.send("s") + "},"
        + "42]";
    JsonNode answer = body(exchange(post(batch)));
    assertThat(answer.isArray()).isTrue();
    assertThat(answer).hasSize(4);
    assertThat(answer.get(0).path("error").path("code").asInt()).isEqualTo(-32001);
    assertThat(answer.get(1).path("result").path("task").path("status").path("state").asText()).isEqualTo("TASK_STATE_COMPLETED");
    assertThat(answer.get(2).path("error").path("code").asInt()).isEqualTo(-32600);
    assertThat(answer.get(2).path("id").asInt()).isEqualTo(3);
    assertThat(answer.get(3).path("error").path("code").asInt()).isEqualTo(-32600);
    assertThat(agent.submissions).as("the notification still ran").hasValue(2);
  }

  @Test
  void emptyBatch_isInvalidRequest() throws Exception {
    channel();
    assertThat(body(exchange(post("[]"))).path("error").path("code").asInt()).isEqualTo(-32600);
  }

  @Test
  void notification_isAnswered204() {
    channel();
    String response = exchange(post("{\"jsonrpc\":\"2.0\",\"method\":\"SendMessage\",\"params\":" + Rpc.send("n") + "}"));
    assertThat(response).startsWith("HTTP/1.1 204");
    assertThat(agent.submissions).hasValue(1);
  }

  @Test
  void oversizeBody_isAnswered413() {
    channel(b -> b.maxRequestBytes(1024));
    String response = exchange(post("{\"pad\":\"" + "x".repeat(4000) + "\"}"));
    assertThat(response).startsWith("HTTP/1.1 413");
    assertThat(agent.submissions).hasValue(0);
  }

  @Test
  void deepNesting_isInvalidRequestNamingTheLimit() throws Exception {
    channel(b -> b.maxJsonDepth(16));
    String deep = "[".repeat(40) + "]".repeat(40);
    JsonNode answer = body(exchange(post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"GetTask\",\"params\":{\"x\":" + deep + "}}")));
    assertThat(answer.path("error").path("code").asInt()).isEqualTo(-32600);
    assertThat(answer.path("error").path("message").asText()).containsIgnoringCase("depth");
  }

  @Test
  void longString_isInvalidRequestNamingTheLimit() throws Exception {
    channel(b -> b.maxStringLength(100));
    JsonNode answer = body(exchange(post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"SendMessage\",\"params\":" + Rpc.send("y".repeat(500)) + "}")));
    assertThat(answer.path("error").path("code").asInt()).isEqualTo(-32600);
    assertThat(answer.path("error").path("message").asText()).containsIgnoringCase("length");
    assertThat(agent.submissions).hasValue(0);
  }

  @Test
  void wrongContentTypeOrMethod_areRefusedWithHttpStatus() {
    channel();
    assertThat(exchange(post("x=1", "application/x-www-form-urlencoded"))).startsWith("HTTP/1.1 415");
    assertThat(exchange("GET / HTTP/1.1\r\nHost: a\r\n\r\n")).startsWith("HTTP/1.1 405").contains("allow: POST");
  }

  @Test
  void slowlorisRequest_isDroppedAtTheReadDeadline() {
    channel(b -> b.requestReadTimeout(Duration.ofSeconds(5)));
    channel.writeInbound(Unpooled.copiedBuffer("POST / HTTP/1.1\r\nHost: a\r\n", StandardCharsets.UTF_8));
    channel.advanceTimeBy(4, TimeUnit.SECONDS);
    channel.runScheduledPendingTasks();
    channel.writeInbound(Unpooled.copiedBuffer("X-Slow: 1\r\n", StandardCharsets.UTF_8));
    assertThat(channel.isOpen()).isTrue();
    channel.advanceTimeBy(2, TimeUnit.SECONDS);
    channel.runScheduledPendingTasks();
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void completeRequests_keepTheConnectionPastTheReadDeadline() throws Exception {
    channel(b -> b.requestReadTimeout(Duration.ofSeconds(5)));
    for (int i = 0; i < 3; i++) {
      assertThat(body(exchange(post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"GetTask\",\"params\":{\"id\":\"x\"}}"))).has("error")).isTrue();
      channel.advanceTimeBy(4, TimeUnit.SECONDS);
      channel.runScheduledPendingTasks();
    }
    assertThat(channel.isOpen()).isTrue();
  }

  @Test
  void requestInOneRead_armsNoReadDeadline() throws Exception {
    channel(b -> b.requestReadTimeout(Duration.ofSeconds(5)).blockingTimeout(Duration.ofSeconds(20)).idleTimeout(Duration.ofSeconds(60)));
    assertThat(body(exchange(post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"GetTask\",\"params\":{\"id\":\"x\"}}"))).has("error")).isTrue();
    assertThat(channel.runScheduledPendingTasks())
        .as("the next timer is the idle timeout, not a read deadline")
        .isGreaterThan(TimeUnit.SECONDS.toNanos(5));
    channel.writeInbound(Unpooled.copiedBuffer("POST / HTTP/1.1\r\nHost: a\r\n", StandardCharsets.UTF_8));
    assertThat(channel.runScheduledPendingTasks())
        .as("a partial request arms the read deadline")
        .isLessThanOrEqualTo(TimeUnit.SECONDS.toNanos(5));
  }

  @Test
  void requestSplitAcrossReads_keepsTheConnectionWhenItCompletesInTime() throws Exception {
    channel(b -> b.requestReadTimeout(Duration.ofSeconds(5)));
    String raw = post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"GetTask\",\"params\":{\"id\":\"x\"}}");
    channel.writeInbound(Unpooled.copiedBuffer(raw.substring(0, 20), StandardCharsets.UTF_8));
    channel.advanceTimeBy(4, TimeUnit.SECONDS);
    channel.runScheduledPendingTasks();
    assertThat(body(exchange(raw.substring(20))).path("error").path("code").asInt()).isEqualTo(-32001);
    channel.advanceTimeBy(2, TimeUnit.SECONDS);
    channel.runScheduledPendingTasks();
    assertThat(channel.isOpen()).as("the deadline was disarmed when the request completed").isTrue();
  }

  @Test
  void sendMessage_answerBytesAreTheCompactUtf8JsonOfTheTree() throws Exception {
    channel();
    String text = "h\u00e9llo \\\"q\\\" \\n \u2713 \uD83D\uDE00";
    channel.writeInbound(Unpooled.copiedBuffer(
        post("{\"jsonrpc\":\"2.0\",\"id\":\"u1\",\"method\":\"SendMessage\",\"params\":" + Rpc.send(text) + "}"), StandardCharsets.UTF_8));
    channel.runPendingTasks();
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    ByteBuf buffer;
    while ((buffer = channel.readOutbound()) != null) {
      byte[] bytes = new byte[buffer.readableBytes()];
      buffer.readBytes(bytes);
      raw.write(bytes);
      buffer.release();
    }
    String response = raw.toString(StandardCharsets.ISO_8859_1);
    int bodyStart = response.indexOf("\r\n\r\n") + 4;
    byte[] body = Arrays.copyOfRange(raw.toByteArray(), bodyStart, raw.size());
    JsonNode tree = Rpc.JSON.readTree(body);
    assertThat(tree.at("/result/task/history/0/parts/0/text").asText()).isEqualTo("h\u00e9llo \"q\" \n \u2713 \uD83D\uDE00");
    assertThat(body).isEqualTo(tree.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(response).containsIgnoringCase("content-length: " + body.length + "\r\n");
  }

  @Test
  void idleConnection_isClosed() {
    channel(b -> b.blockingTimeout(Duration.ofSeconds(20)).idleTimeout(Duration.ofSeconds(30)));
    channel.advanceTimeBy(31, TimeUnit.SECONDS);
    channel.runScheduledPendingTasks();
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void disconnectMidStream_stopsTheStreamButNotTheTask() {
    channel();
    String start = exchange(post("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"SendStreamingMessage\",\"params\":" + Rpc.send("slow stream") + "}"));
    assertThat(start).startsWith("HTTP/1.1 200").contains("text/event-stream").contains("data: {\"jsonrpc\":\"2.0\",\"id\":5");
    assertThat(server.state().inFlight.get()).isEqualTo(1);
    channel.close();
    channel.runPendingTasks();
    assertThat(server.state().inFlight.get()).isZero();
    assertThat(agent.currentLoad()).as("the task keeps running").isEqualTo(1);
  }

  @Test
  void pipelinedRequests_areAnsweredInArrivalOrder() throws Exception {
    channel();
    String first = post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"SendMessage\",\"params\":" + Rpc.send("slow blocking") + "}");
    String second = post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"GetTask\",\"params\":{\"id\":\"nope\"}}");
    assertThat(exchange(first + second)).as("nothing before the first answer").isEmpty();
    String taskId = agent.received.getFirst().id().value();
    server.state().dispatcher.dispatch(
        JsonRpc.parse(Rpc.JSON.readTree("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"CancelTask\",\"params\":{\"id\":\"" + taskId + "\"}}"), "1.0"),
        new RpcDispatcher.Caller(Authenticator.ANONYMOUS, () -> java.net.URI.create("http://a"))).get();
    channel.runPendingTasks();
    String answers = drain();
    assertThat(answers.indexOf("TASK_STATE_CANCELED")).isPositive().isLessThan(answers.indexOf("-32001"));
  }

  @Test
  void mangledRequests_alwaysGetAJsonRpcErrorAndNeverStartWork() throws Exception {
    channel();
    String valid = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"SendMessage\",\"params\":" + Rpc.send("fuzz") + "}";
    java.util.Random random = new java.util.Random(42);
    String alphabet = "{}[]\":,0123456789.-eE truefalsn\\u";
    for (int i = 0; i < 300; i++) {
      StringBuilder mangled = new StringBuilder(valid);
      for (int edits = 1 + random.nextInt(4); edits > 0; edits--) {
        int at = random.nextInt(mangled.length());
        switch (random.nextInt(3)) {
          case 0 -> mangled.deleteCharAt(at);
          case 1 -> mangled.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
          default -> mangled.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
        }
      }
      String response = exchange(post(mangled.toString()));
      if (response.startsWith("HTTP/1.1 204")) {
        continue; // the id was mangled away: a notification, which JSON-RPC answers with nothing
      }
      assertThat(response).as("answer to %s", mangled).startsWith("HTTP/1.1 200");
      JsonNode answer = body(response);
      if (answer.has("error")) {
        assertThat(answer.path("error").path("code").asInt()).as("code for %s", mangled).isBetween(-32700, -32001);
        assertThat(answer.path("error").path("message").asText()).isNotBlank();
      }
      assertThat(channel.isOpen()).isTrue();
    }
    // Some mangled bodies are still valid calls (a changed message id); nothing else may start work.
    assertThat(agent.submissions.get()).isLessThan(300);
  }

  @Test
  void idleStream_getsKeepAliveComments() {
    channel(b -> b.keepAliveInterval(Duration.ofSeconds(15)));
    exchange(post("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"SendStreamingMessage\",\"params\":" + Rpc.send("slow stream") + "}"));
    channel.advanceTimeBy(16, TimeUnit.SECONDS);
    channel.runScheduledPendingTasks();
    assertThat(drain()).contains(": keep-alive");
  }
}
