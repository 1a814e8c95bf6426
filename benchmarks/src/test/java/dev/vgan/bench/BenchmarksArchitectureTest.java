package dev.vgan.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgan.engine.testing.ImportRules;
import dev.vgan.engine.testing.ImportRules.Rule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchmarksArchitectureTest {

  @Test
  void benchmarksDoNotReachIntoTheOptionalGpuBackend() {
    List<Rule> rules = List.of(new Rule("dev.vgan.bench", "uk.ac.manchester.tornado", "the default build never needs TornadoVM"));
    assertEquals(List.of(), ImportRules.violations(ImportRules.mainSources(), rules));
  }

  @Test
  void theShadedJarListsTheBenchmarks() throws Exception {
    // JDK 23+ does not discover annotation processors implicitly; without annotationProcessorPaths the
    // jar builds silently empty. The generated list proves the processor ran.
    Path list = Path.of("target", "classes", "META-INF", "BenchmarkList");
    assertTrue(Files.exists(list), "JMH's annotation processor did not run: " + list + " is missing");
    String text = Files.readString(list);
    for (String bench : List.of("GemmBench", "ConvBench", "PeakBench")) {
      assertTrue(text.contains(bench), bench + " missing from " + list);
    }
  }
}
