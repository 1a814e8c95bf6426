package dev.vgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgan.models.train.TrainStats;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
  @Test
  void aLineShowsTheBarStepsRateEtaAndLosses() throws Exception {
    ProgressLine p = new ProgressLine(new PrintStream(new ByteArrayOutputStream()), false, 8, 16, 3);
    long start = System.nanoTime();
    for (int i = 0; i < 2; i++) {
      p.onStep(i + 1, 1, new TrainStats(0.5f, 1.25f));
    }
    String line = p.line(1, new TrainStats(0.5f, 1.25f), start + 4_000_000_000L);
    assertTrue(line.startsWith("epoch 1/3 [######..................] 2/8"), line);
    assertTrue(line.contains("D 0.500  G 1.250"), line);
  }

  @Test
  void clockFormatsMinutesAndHours() {
    assertEquals("0:07", ProgressLine.clock(7));
    assertEquals("2:05", ProgressLine.clock(125));
    assertEquals("1:01:01", ProgressLine.clock(3661));
  }

  @Test
  void withoutAConsoleItPrintsWholeLinesAtEpochEnds() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ProgressLine p = new ProgressLine(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, 3, 4, 0);
    for (int i = 1; i <= 3; i++) {
      p.onStep(i, 1, new TrainStats(1f, 2f));
    }
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(!out.contains("\r") && out.contains("epoch 1 [########################] 3/3"), out);
  }
}
