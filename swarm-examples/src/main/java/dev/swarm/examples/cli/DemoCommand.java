package dev.swarm.examples.cli;

import dev.swarm.api.SwarmConfig;
import dev.swarm.examples.demo.DemoReport;
import dev.swarm.examples.demo.DemoRun;
import dev.swarm.examples.models.ModelTiers;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code swarm demo}: the main job, both example systems end to end with a final report. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the research swarm and the hybrid swarm end to end and prints a report.",
      "With no ANTHROPIC_API_KEY, OPENAI_API_KEY or SLM_ENDPOINT set, it runs on offline demo models:",
      "deterministic, labelled as such in the report, priced and timed like real tiers."
    })
final class DemoCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = "--tasks", defaultValue = "100", description = "Hybrid-workload tasks to run (default: ${DEFAULT-VALUE}).")
  private int tasks;

  @Option(names = "--time-scale", defaultValue = "1.0",
      description = "Demo-model latency relative to real tiers, e.g. 0.1 runs ten times faster (default: ${DEFAULT-VALUE}).")
  private double timeScale;

  @Option(names = "--small-failure-percent", defaultValue = "10",
      description = "Share of prompts the demo small model fails, to show fallback (default: ${DEFAULT-VALUE}).")
  private int smallFailurePercent;

  @Option(names = "--json", description = "Write the report as JSON on standard output (progress goes to standard error).")
  private boolean json;

  @Override
  public Integer call() {
    if (tasks < 1) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--tasks must be at least 1 but was " + tasks);
    }
    if (!(timeScale >= 0 && timeScale <= 100)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--time-scale must be in [0, 100] but was " + timeScale);
    }
    if (smallFailurePercent < 0 || smallFailurePercent > 100) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--small-failure-percent must be in [0, 100] but was " + smallFailurePercent);
    }
    quietDegradedPathLogs();
    SwarmConfig config = SwarmConfig.fromEnv();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter progress = json ? spec.commandLine().getErr() : out;
    DemoReport report = new DemoRun(config, ModelTiers.from(config, timeScale, smallFailurePercent), timeScale, tasks,
        progress, System.console() != null && !json).run();
    out.println(json ? report.toJson() : report.toText());
    out.flush();
    return report.hybrid().completed() == report.hybrid().tasks() ? 0 : 1;
  }

  /**
   * The demo makes the small tier fail on purpose; its fallback warnings would drown the progress
   * bar, and the report counts them instead. Set org.slf4j.simpleLogger.defaultLogLevel to see them.
   */
  private static void quietDegradedPathLogs() {
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
    }
  }
}
