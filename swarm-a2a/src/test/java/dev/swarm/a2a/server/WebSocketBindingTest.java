package dev.swarm.a2a.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The WebSocket binding with the JDK's WebSocket client. */
class WebSocketBindingTest {
  private final ScriptedAgent agent = new ScriptedAgent();

  private static final class Frames implements WebSocket.Listener {
    final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        texts.add(partial.toString());
        try {
          received.add(Rpc.JSON.readTree(partial.toString()));
        } catch (Exception e) {
          throw new IllegalStateException("server sent a frame that is not JSON: " + partial, e);
        }
        partial.setLength(0);
      }
      socket.request(1);
      return null;
    }

    JsonNode next() throws InterruptedException {
      JsonNode frame = received.poll(10, TimeUnit.SECONDS);
      assertThat(frame).as("a frame within 10 s").isNotNull();
      return frame;
    }
  }

  private static URI wsUrl(A2aServer server) {
    return URI.create("ws://127.0.0.1:" + server.port() + "/a2a/ws");
  }

  @Test
  void calls_shareOneConnection_andStreamsEndAtTheTerminalState() throws Exception {
    try (A2aServer server = A2aServer.builder().agent(agent).ioThreads(1).bearerToken("t").build()) {
      server.start();
      Frames frames = new Frames();
      WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", "Bearer t")
          .header("A2A-Version", "1.0").buildAsync(wsUrl(server), frames).get(10, TimeUnit.SECONDS);

      socket.sendText("{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"SendMessage\",\"params\":" + Rpc.send("over ws") + "}", true).get();
      JsonNode answer = frames.next();
      assertThat(answer.path("id").asText()).isEqualTo("a");
      assertThat(answer.path("result").path("task").path("artifacts").get(0).path("parts").get(0).path("text").asText()).isEqualTo("echo: over ws");

      socket.sendText("{\"jsonrpc\":\"2.0\",\"id\":\"b\",\"method\":\"SendStreamingMessage\",\"params\":" + Rpc.send("chunks ws") + "}", true).get();
      List<JsonNode> stream = new ArrayList<>();
      do {
        stream.add(frames.next());
      } while (!stream.getLast().path("result").path("statusUpdate").path("status").path("state").asText().equals("TASK_STATE_COMPLETED"));
      assertThat(stream).allSatisfy(f -> assertThat(f.path("id").asText()).isEqualTo("b"));
      assertThat(stream.get(0).path("result").has("task")).isTrue();
      assertThat(stream).hasSize(5);

      socket.sendText("{\"jsonrpc\":\"2.0\",\"id\":\"c\",\"method\":\"GetTask\",\"params\":{\"id\":\"nope\"}}", true).get();
      assertThat(frames.next().path("error").path("code").asInt()).isEqualTo(-32001);
      socket.sendText("not json", true).get();
      assertThat(frames.next().path("error").path("code").asInt()).isEqualTo(-32700);
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get();
    }
  }

  @Test
  void answer_withTextBeyondAscii_isCompactJsonInPlainUtf8() throws Exception {
    try (A2aServer server = A2aServer.builder().agent(agent).ioThreads(1).build()) {
      server.start();
      Frames frames = new Frames();
      WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().header("A2A-Version", "1.0")
          .buildAsync(wsUrl(server), frames).get(10, TimeUnit.SECONDS);
      socket.sendText("{\"jsonrpc\":\"2.0\",\"id\":\"u\",\"method\":\"SendMessage\",\"params\":" + Rpc.send("h\u00e9 \u2713 \uD83D\uDE00") + "}", true).get();
      String text = frames.texts.poll(10, TimeUnit.SECONDS);
      assertThat(text).isNotNull().contains("echo: h\u00e9 \u2713 \uD83D\uDE00").doesNotContain("\\u");
      assertThat(Rpc.JSON.readTree(text).toString()).isEqualTo(text);
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get();
    }
  }

  @Test
  void droppedLink_midStream_releasesTheCallButNotTheTask() throws Exception {
    try (A2aServer server = A2aServer.builder().agent(agent).ioThreads(1).build()) {
      server.start();
      Frames frames = new Frames();
      WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(wsUrl(server), frames).get(10, TimeUnit.SECONDS);
      socket.sendText("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"SendStreamingMessage\",\"params\":" + Rpc.send("slow ws") + "}", true).get();
      assertThat(frames.next().path("result").has("task")).isTrue();
      assertThat(server.state().inFlight.get()).isEqualTo(1);
      socket.abort();
      org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> server.state().inFlight.get() == 0);
      assertThat(agent.currentLoad()).isEqualTo(1);
    }
  }

  @Test
  void upgrade_withoutCredentials_isRefused() throws Exception {
    try (A2aServer server = A2aServer.builder().agent(agent).ioThreads(1).bearerToken("t").build()) {
      server.start();
      assertThatThrownBy(() -> HttpClient.newHttpClient().newWebSocketBuilder()
          .buildAsync(wsUrl(server), new Frames()).get(10, TimeUnit.SECONDS))
          .rootCause().hasMessageContaining("401");
    }
  }
}
