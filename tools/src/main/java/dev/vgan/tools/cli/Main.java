package dev.vgan.tools.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code vgan} command line. Each command is its own class; a user mistake (unknown flag, bad
 * value) prints one message and the usage and exits 2.
 */
@Command(
    name = "vgan",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "A pure-Java GAN toolkit on the JDK Vector API.",
    subcommands = {DemoCommand.class, TrainCommand.class, SampleCommand.class, EvalCommand.class, ImportCommand.class,
        InterpolateCommand.class, DirectionsCommand.class, AttributeCommand.class, SpritesCommand.class,
        AnimateCommand.class,
        SelfCheckCommand.class, CommandLine.HelpCommand.class},
    footer = {
        "",
        "Also, through the ./vgan launcher:",
        "  bench   JMH benchmarks of the kernels (./vgan bench --help)",
        "  test    the whole test suite (mvn -B verify)"
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Entry point; exits with the command's code. */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the CLI and returns its exit code (0 ok, 1 failure, 2 usage error). */
  public static int run(String... args) {
    return new CommandLine(new Main()).setExecutionExceptionHandler(Main::failure).execute(args);
  }

  /**
   * A failure while running (missing or damaged data, a bad checkpoint, a model that does not fit the
   * data): one line naming what went wrong, exit 1. A stack trace only with {@code VGAN_DEBUG=1}.
   */
  private static int failure(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    if (System.getenv("VGAN_DEBUG") != null) {
      e.printStackTrace(cmd.getErr());
    }
    if (e instanceof java.io.IOException || e instanceof IllegalArgumentException || e instanceof java.io.UncheckedIOException) {
      String msg = e instanceof java.nio.file.NoSuchFileException nf ? "no such file: " + nf.getFile()
          : e instanceof java.nio.file.AccessDeniedException ad ? "permission denied: " + ad.getFile()
          : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      cmd.getErr().println("vgan " + cmd.getCommandName() + ": " + msg);
      return 1;
    }
    cmd.getErr().println("vgan " + cmd.getCommandName() + ": internal error (please report it):");
    e.printStackTrace(cmd.getErr());
    return 1;
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
