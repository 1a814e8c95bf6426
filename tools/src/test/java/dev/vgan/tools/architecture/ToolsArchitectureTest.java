package dev.vgan.tools.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vgan.engine.testing.ImportRules;
import dev.vgan.engine.testing.ImportRules.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolsArchitectureTest {
  static final List<Rule> RULES = List.of(
      new Rule("dev.vgan.tools", "jdk.incubator.vector", "only engine/kernel/simd uses the Vector API"),
      new Rule("dev.vgan.tools", "dev.vgan.bench", "benchmarks sit above tools"),
      new Rule("dev.vgan.tools", "uk.ac.manchester.tornado", "only tornado/ uses TornadoVM"),
      new Rule("dev.vgan.tools.cli", "org.ejml", "only tools/sefa uses EJML"),
      new Rule("dev.vgan.tools.latent", "org.ejml", "only tools/sefa uses EJML"),
      new Rule("dev.vgan.tools.render", "org.ejml", "only tools/sefa uses EJML"),
      // Tools program against models.api, never a model family.
      new Rule("dev.vgan.tools", "dev.vgan.models.dcgan", "tools see models only through models.api"),
      new Rule("dev.vgan.tools", "dev.vgan.models.cgan", "tools see models only through models.api"),
      new Rule("dev.vgan.tools", "dev.vgan.models.acgan", "tools see models only through models.api"),
      new Rule("dev.vgan.tools", "dev.vgan.models.infogan", "tools see models only through models.api"),
      new Rule("dev.vgan.tools", "dev.vgan.models.wgangp", "tools see models only through models.api"));

  @Test
  void toolsSourcesFollowTheDependencyRules() {
    assertEquals(List.of(), ImportRules.violations(ImportRules.mainSources(), RULES));
  }
}
