package dev.vgan.models.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vgan.engine.testing.ImportRules;
import dev.vgan.engine.testing.ImportRules.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelsArchitectureTest {
  static final List<Rule> RULES = List.of(
      new Rule("dev.vgan.models", "jdk.incubator.vector", "only engine/kernel/simd uses the Vector API"),
      new Rule("dev.vgan.models", "dev.vgan.tools", "tools sit above models"),
      new Rule("dev.vgan.models", "dev.vgan.bench", "benchmarks sit above models"),
      new Rule("dev.vgan.models", "org.ejml", "only tools/sefa uses EJML"),
      new Rule("dev.vgan.models", "uk.ac.manchester.tornado", "only tornado/ uses TornadoVM"),
      new Rule("dev.vgan.models", "dev.vgan.engine.kernel.simd", "models reach kernels through the SPI"));

  @Test
  void modelsSourcesFollowTheDependencyRules() {
    assertEquals(List.of(), ImportRules.violations(ImportRules.mainSources(), RULES));
  }
}
