package dev.swarm.examples.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code swarm demo}: the main job, both example systems end to end with a final report. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Runs the research swarm and the hybrid swarm end to end and prints a report.")
final class DemoCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.out.println("swarm demo: the research swarm and the hybrid swarm are being built;");
    System.out.println("this command will run both end to end on offline demo models and print a cost report.");
    return 0;
  }
}
