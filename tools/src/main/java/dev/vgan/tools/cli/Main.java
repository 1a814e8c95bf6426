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
    subcommands = {DemoCommand.class, CommandLine.HelpCommand.class},
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
    return new CommandLine(new Main()).execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
