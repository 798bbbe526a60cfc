package dev.swarm.examples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code swarm} command line: {@code java -jar swarm.jar <command>}. Every command has
 * {@code --help}.
 */
@Command(
    name = "swarm",
    mixinStandardHelpOptions = true,
    versionProvider = SwarmCommand.Version.class,
    description = "An embeddable Java SDK for multi-agent LLM systems: demos and tools.",
    subcommands = {
      DemoCommand.class,
      RouteCommand.class,
      TrainRouterCommand.class,
      CacheCheckCommand.class,
      A2aServeCommand.class,
      OrchestratorCommand.class,
      WorkerCommand.class,
      ClusterCommand.class
    })
public final class SwarmCommand implements Runnable {
  @Spec private CommandSpec spec;

  /** Runs the command line and exits with the command's status. */
  public static void main(String[] args) {
    quietLibraryLogging();
    System.exit(commandLine().execute(args));
  }

  /**
   * jvector and the ONNX runtime announce their CPU features at INFO through java.util.logging;
   * on a command line whose output is JSON Lines that is noise on standard error. Warnings stay.
   */
  private static void quietLibraryLogging() {
    java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
    for (java.util.logging.Handler handler : java.util.logging.Logger.getLogger("").getHandlers()) {
      handler.setLevel(java.util.logging.Level.WARNING);
    }
  }

  /** The configured command line, for tests that run commands in-process. */
  public static CommandLine commandLine() {
    return new CommandLine(new SwarmCommand()).setCaseInsensitiveEnumValuesAllowed(true);
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Reports the version from the jar manifest, or "development" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = SwarmCommand.class.getPackage().getImplementationVersion();
      return new String[] {"swarm " + (version == null ? "development" : version)};
    }
  }
}
