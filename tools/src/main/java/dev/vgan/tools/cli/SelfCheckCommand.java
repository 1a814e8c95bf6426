package dev.vgan.tools.cli;

import dev.vgan.engine.kernel.Backends;
import dev.vgan.engine.kernel.KernelBackend;
import dev.vgan.engine.kernel.Parallel;
import dev.vgan.engine.kernel.SelfCheck;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Checks every kernel of the chosen backend against the scalar reference on random data and measures GEMM
 * throughput: a quick way to see that the Vector API is on and working on this machine.
 */
@Command(name = "selfcheck", mixinStandardHelpOptions = true,
    description = "Self-check the kernels against the scalar reference and measure GEMM throughput.")
final class SelfCheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--size", defaultValue = "1024", description = "GEMM size n for the throughput figure (default ${DEFAULT-VALUE}).")
  int size;

  @Option(names = "--runs", defaultValue = "15", description = "Timed GEMM runs per thread count; the median is shown (default ${DEFAULT-VALUE}).")
  int runs;

  @Override
  public Integer call() {
    PrintStream out = System.out;
    if (size < 1 || runs < 1) {
      throw new ParameterException(spec.commandLine(), "--size and --runs must be >= 1");
    }
    KernelBackend backend = Backends.get();
    out.printf("vgan selfcheck: the kernels against the scalar reference%n");
    out.printf("  JVM      %s (%s), %d cores, %d threads%n", Runtime.version(), System.getProperty("java.vendor"),
        Runtime.getRuntime().availableProcessors(), Parallel.threads());
    out.printf("  backend  %s: %s%n", backend.name(), Backends.reason());
    List<SelfCheck.Check> checks = SelfCheck.compare(backend, 42);
    out.printf("  self-check against the scalar reference (random data):%n");
    boolean allOk = true;
    for (SelfCheck.Check c : checks) {
      out.printf("    %-10s max |diff| %.2e  (tolerance %.2e)  %s%n", c.kernel(), c.maxDiff(), c.tolerance(),
          c.ok() ? "ok" : "FAILED");
      allOk &= c.ok();
    }
    out.printf("  SGEMM n=%d (median of %d runs, after warm-up):%n", size, runs);
    for (int threads = 1; threads <= Parallel.threads(); threads *= 2) {
      SelfCheck.Throughput t = SelfCheck.measureGemm(backend, size, threads, runs);
      out.printf("    %d thread%s  %7.1f GFLOP/s%n", threads, threads == 1 ? " " : "s", t.gflops());
    }
    out.printf("%s%n", allOk ? "self-check passed" : "self-check FAILED");
    return allOk ? 0 : 1;
  }
}
