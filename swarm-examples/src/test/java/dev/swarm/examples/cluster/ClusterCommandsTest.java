package dev.swarm.examples.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarm.examples.cli.SwarmCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The orchestrator, worker and cluster commands in-process: help, bad options, bad join URLs. */
class ClusterCommandsTest {
  private static final int USAGE = 2;

  record Run(int exit, String out, String err) {
    static Run of(String... args) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      CommandLine cli = SwarmCommand.commandLine();
      cli.setOut(new PrintWriter(out, true));
      cli.setErr(new PrintWriter(err, true));
      int exit = cli.execute(args);
      return new Run(exit, out.toString(), err.toString());
    }
  }

  @Test
  void help_everyClusterCommand_describesItsOptionsAndExitsZero() {
    Run worker = Run.of("worker", "--help");
    Run orchestrator = Run.of("orchestrator", "--help");
    Run cluster = Run.of("cluster", "--help");

    assertThat(worker.exit()).isZero();
    assertThat(worker.out()).contains("Usage: swarm worker", "--join=URL", "--token=T", "--workers=N",
        "--time-scale=S", "LISTENING <port>");
    assertThat(orchestrator.exit()).isZero();
    assertThat(orchestrator.out()).contains("Usage: swarm orchestrator", "--tasks=N", "--expect-workers=K", "--json",
        "exactly once");
    assertThat(cluster.exit()).isZero();
    assertThat(cluster.out()).contains("Usage: swarm cluster", "--workers=K", "--kill-one-after=M", "--time-scale=S",
        "Ctrl-C");
  }

  @Test
  void worker_malformedJoinUrl_failsOnStderrNamingTheUrl() {
    Run run = Run.of("worker", "--join", "not-a-url");
    Run spaces = Run.of("worker", "--join", "http://bad host:7070");
    Run ftp = Run.of("worker", "--join", "ftp://127.0.0.1:7070");

    assertThat(run.exit()).isEqualTo(USAGE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("worker: join must be an absolute http URL").contains("'not-a-url'");
    assertThat(spaces.exit()).isEqualTo(USAGE);
    assertThat(spaces.err()).contains("join must be an http URL").contains("'http://bad host:7070'");
    assertThat(ftp.exit()).isEqualTo(USAGE);
    assertThat(ftp.err()).contains("'ftp://127.0.0.1:7070'");
  }

  @Test
  void worker_noOrchestratorAtJoinUrl_givesUpAfterTheJoinTimeoutAndExitsNonZero() throws Exception {
    int closedPort;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = probe.getLocalPort();
    }

    Run run = Run.of("worker", "--join", "http://127.0.0.1:" + closedPort, "--join-timeout-s", "1",
        "--heartbeat-ms", "200", "--time-scale", "0");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).startsWith("LISTENING ").doesNotContain("JOINED");
    assertThat(run.err()).contains("could not join the orchestrator at http://127.0.0.1:" + closedPort + " within 1 s");
  }

  @Test
  void worker_badOptions_areRefusedNamingThem() {
    Run missing = Run.of("worker");
    Run workers = Run.of("worker", "--join", "http://127.0.0.1:7070", "--workers", "0");
    Run scale = Run.of("worker", "--join", "http://127.0.0.1:7070", "--time-scale", "-1");
    Run wildcard = Run.of("worker", "--join", "http://127.0.0.1:7070", "--host", "0.0.0.0");
    Run notNumber = Run.of("worker", "--join", "http://127.0.0.1:7070", "--port", "eighty");

    assertThat(missing.exit()).isEqualTo(USAGE);
    assertThat(missing.err()).contains("Missing required option: '--join=URL'");
    assertThat(workers.exit()).isEqualTo(USAGE);
    assertThat(workers.err()).contains("workers must be at least 1 but was 0");
    assertThat(scale.exit()).isEqualTo(USAGE);
    assertThat(scale.err()).contains("time-scale must be in [0, 100] but was -1");
    assertThat(wildcard.exit()).isEqualTo(USAGE);
    assertThat(wildcard.err()).contains("--advertise-host");
    assertThat(notNumber.exit()).isEqualTo(USAGE);
    assertThat(notNumber.err()).contains("--port").contains("eighty");
  }

  @Test
  void orchestrator_noWorkerJoins_failsAfterTheJoinTimeoutSayingHowToStartOne() {
    Run run = Run.of("orchestrator", "--port", "0", "--expect-workers", "2", "--join-timeout-s", "1");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).matches("LISTENING \\d+\\R");
    assertThat(run.err()).contains("only 0 of 2 workers joined within 1 s").contains("swarm worker --join http://");
  }

  @Test
  void orchestratorAndCluster_badOptions_areRefusedNamingThem() {
    Run tasks = Run.of("orchestrator", "--tasks", "0");
    Run port = Run.of("orchestrator", "--port", "70000");
    Run kill = Run.of("cluster", "--workers", "1", "--kill-one-after", "5");
    Run killLate = Run.of("cluster", "--tasks", "10", "--kill-one-after", "10");

    assertThat(tasks.exit()).isEqualTo(USAGE);
    assertThat(tasks.err()).contains("tasks must be at least 1 but was 0");
    assertThat(port.exit()).isEqualTo(USAGE);
    assertThat(port.err()).contains("port must be in [0, 65535] but was 70000");
    assertThat(kill.exit()).isEqualTo(USAGE);
    assertThat(kill.err()).contains("kill-one-after needs at least 2 workers").contains("was 1");
    assertThat(killLate.exit()).isEqualTo(USAGE);
    assertThat(killLate.err()).contains("kill-one-after must be in [0, tasks) = [0, 10) but was 10");
  }
}
