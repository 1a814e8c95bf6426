package dev.vgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MainTest {

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    PrintStream oldOut = System.out, oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int exit = Main.run(args);
      return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  void helpListsTheCommands() {
    Run r = run("--help");
    assertEquals(0, r.exit);
    assertTrue(r.out.contains("demo"), r.out);
    assertTrue(r.out.contains("bench"), r.out);
  }

  @Test
  void anUnknownFlagPrintsUsageAndExitsTwo() {
    Run r = run("--no-such-flag");
    assertEquals(2, r.exit);
    assertTrue(r.err.contains("Unknown option: '--no-such-flag'"), r.err);
    assertTrue(r.err.contains("Usage: vgan"), r.err);
  }

  @Test
  void aBadValuePrintsUsageAndExitsTwo() {
    Run r = run("selfcheck", "--size", "many");
    assertEquals(2, r.exit);
    assertTrue(r.err.contains("--size"), r.err);
  }

  @Test
  void anOutOfRangeValuePrintsUsageAndExitsTwo() {
    Run r = run("selfcheck", "--runs", "0");
    assertEquals(2, r.exit);
    assertTrue(r.err.contains("--size and --runs must be >= 1"), r.err);
    assertTrue(r.err.contains("Usage: vgan selfcheck"), r.err);
  }

  @Test
  void selfCheckPassesOnThisJvm() {
    Run r = run("selfcheck", "--size", "96", "--runs", "3");
    assertEquals(0, r.exit, r.out + r.err);
    assertTrue(r.out.contains("self-check passed"), r.out);
    assertTrue(r.out.contains("backend  simd-"), r.out);
    assertTrue(r.out.contains("GFLOP/s"), r.out);
  }

  @Test
  void aMissingCheckpointIsOneLineNamingItAndExitsOne() {
    Run r = run("directions", "--checkpoint", "/no/such/checkpoint.safetensors", "--out", "x.png");
    assertEquals(1, r.exit);
    assertEquals("vgan directions: no such file: /no/such/checkpoint.safetensors", r.err.strip());
  }
}
