package dev.swarm.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.swarm.a2a.client.RemoteAgent;
import dev.swarm.a2a.client.RemoteTaskHandle;
import dev.swarm.api.AgentSkill;
import dev.swarm.api.SwarmException;
import dev.swarm.api.Task;
import dev.swarm.api.TaskResult;
import dev.swarm.api.TaskStatus;
import dev.swarm.examples.cli.RouteCommandTest.Run;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class A2aServeCommandTest {
  private static final Pattern LISTENING = Pattern.compile("LISTENING (\\d+)\\R");
  private static final String TOKEN = "s3cret";

  @Test
  void a2aServe_portZeroWithToken_servesOverHttpRefusesWrongTokenAndStopsWhenStdinCloses() throws Exception {
    PipedOutputStream stdin = new PipedOutputStream();
    InputStream saved = System.in;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    try {
      System.setIn(new PipedInputStream(stdin));
      CommandLine cli = SwarmCommand.commandLine();
      cli.setOut(new PrintWriter(out, true));
      cli.setErr(new PrintWriter(err, true));
      CompletableFuture<Integer> exit = new CompletableFuture<>();
      Thread.ofPlatform().name("a2a-serve-under-test").start(() ->
          exit.complete(cli.execute("a2a-serve", "--port", "0", "--token", TOKEN, "--time-scale", "0")));

      await().atMost(Duration.ofSeconds(60)).until(() -> LISTENING.matcher(out.toString()).matches() || exit.isDone());
      Matcher listening = LISTENING.matcher(out.toString());
      assertThat(listening.matches()).as("stdout %s, stderr %s", out, err).isTrue();
      URI base = URI.create("http://127.0.0.1:" + listening.group(1));

      try (RemoteAgent agent = RemoteAgent.builder().baseUrl(base).bearerToken(TOKEN).build()) {
        assertThat(agent.card().skills()).extracting(AgentSkill::id).containsExactly("echo", "summarise", "answer");
        TaskResult echo = resultOf(agent.submit(Task.builder("hello over A2A").skill("echo").build()));
        TaskResult answer = resultOf(agent.submit(Task.of("What is the capital of Australia?")));
        TaskResult summary = resultOf(agent.submit(Task.builder(
            "The meeting moved from Monday to Wednesday because the CEO is travelling.").skill("summarise").build()));

        assertThat(echo.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(echo.output()).isEqualTo("hello over A2A");
        assertThat(answer.status()).as(String.valueOf(answer.error())).isEqualTo(TaskStatus.COMPLETED);
        assertThat(answer.output()).isNotBlank();
        assertThat(summary.status()).as(String.valueOf(summary.error())).isEqualTo(TaskStatus.COMPLETED);
        assertThat(summary.output()).startsWith("Summary: ");
      }
      try (RemoteAgent overWebSocket = RemoteAgent.builder().baseUrl(base).bearerToken(TOKEN).preferWebSocket(true).build()) {
        TaskResult echo = resultOf(overWebSocket.submit(Task.builder("hello over a socket").skill("echo").build()));

        assertThat(echo.output()).isEqualTo("hello over a socket");
      }
      try (RemoteAgent intruder = RemoteAgent.builder().baseUrl(base).bearerToken("wrong").build()) {
        RemoteTaskHandle refused = intruder.submit(Task.builder("let me in").skill("echo").build());

        assertThat(resultOf(refused).status()).isEqualTo(TaskStatus.FAILED);
        assertThat(refused.failure()).get().isInstanceOf(SwarmException.Permanent.class);
        assertThat(resultOf(refused).error()).contains("401");
      }

      stdin.close();
      assertThat(exit.get(60, TimeUnit.SECONDS)).as(err.toString()).isZero();
      assertThat(out.toString()).isEqualTo("LISTENING " + listening.group(1) + System.lineSeparator());
      assertThatThrownBy(() -> RemoteAgent.builder().baseUrl(base).bearerToken(TOKEN).build())
          .isInstanceOf(SwarmException.class);
    } finally {
      stdin.close();
      System.setIn(saved);
    }
  }

  @Test
  void a2aServe_stdinAlreadyClosed_printsListeningThenStopsCleanly() {
    Run run = Run.of("", "a2a-serve", "--port", "0", "--time-scale", "0");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).matches(LISTENING);
  }

  @Test
  void a2aServe_portTaken_failsNamingTheAddress() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String port = Integer.toString(taken.getLocalPort());

      Run run = Run.of("", "a2a-serve", "--host", "127.0.0.1", "--port", port, "--time-scale", "0");

      assertThat(run.exit()).isEqualTo(1);
      assertThat(run.out()).isEmpty();
      assertThat(run.err()).contains("cannot bind").contains("127.0.0.1:" + port);
    }
  }

  @Test
  void a2aServe_badOptions_areRefusedNamingThem() {
    Run port = Run.of("", "a2a-serve", "--port", "70000");
    Run token = Run.of("", "a2a-serve", "--port", "0", "--token", " ");
    Run scale = Run.of("", "a2a-serve", "--port", "0", "--time-scale", "-1");

    assertThat(port.exit()).isEqualTo(JsonLines.BAD_INPUT);
    assertThat(port.err()).contains("--port must be in [0, 65535] but was 70000");
    assertThat(token.exit()).isEqualTo(JsonLines.BAD_INPUT);
    assertThat(token.err()).contains("--token must not be blank");
    assertThat(scale.exit()).isEqualTo(JsonLines.BAD_INPUT);
    assertThat(scale.err()).contains("--time-scale must be in [0, 100] but was -1");
    assertThat(port.out() + token.out() + scale.out()).isEmpty();
  }

  @Test
  void a2aServe_help_explainsTheListeningLine() {
    Run run = Run.of("", "a2a-serve", "--help");

    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("LISTENING <port>").contains("--token").contains("--host").contains("--port");
  }

  private static TaskResult resultOf(RemoteTaskHandle handle) throws Exception {
    return handle.result().get(60, TimeUnit.SECONDS);
  }
}
