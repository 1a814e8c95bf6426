package dev.vgan.engine.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vgan.engine.testing.ImportRules;
import dev.vgan.engine.testing.ImportRules.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineArchitectureTest {
  static final String VECTOR = "jdk.incubator.vector";
  static final List<Rule> RULES = List.of(
      new Rule("dev.vgan.engine.kernel", "dev.vgan.engine.core", "kernels know no tensors"),
      new Rule("dev.vgan.engine.kernel", "dev.vgan.engine.ops", "kernels know no autograd"),
      new Rule("dev.vgan.engine.kernel", "dev.vgan.engine.nn", "kernels know no layers"),
      new Rule("dev.vgan.engine.core", "dev.vgan.engine.ops", "core uses nothing above it"),
      new Rule("dev.vgan.engine.core", "dev.vgan.engine.nn", "core uses nothing above it"),
      new Rule("dev.vgan.engine.core", "dev.vgan.engine.kernel", "core uses nothing above it"),
      new Rule("dev.vgan.engine.ops", "dev.vgan.engine.nn", "ops sit below nn"),
      new Rule("dev.vgan.engine.ops", "dev.vgan.engine.loss", "ops sit below loss"),
      new Rule("dev.vgan.engine.ops", "dev.vgan.engine.optim", "ops sit below optim"),
      new Rule("dev.vgan.engine.ops", "dev.vgan.engine.io", "ops sit below io"),
      new Rule("dev.vgan.engine.loss", "dev.vgan.engine.nn", "losses are functions of tensors"),
      new Rule("dev.vgan.engine.loss", "dev.vgan.engine.optim", "losses are functions of tensors"),
      new Rule("dev.vgan.engine.nn", "dev.vgan.engine.loss", "layers know no losses"),
      new Rule("dev.vgan.engine.nn", "dev.vgan.engine.optim", "layers know no optimizers"),
      new Rule("dev.vgan.engine.nn", "dev.vgan.engine.io", "layers hold no serialization code"),
      new Rule("dev.vgan.engine.optim", "dev.vgan.engine.ops", "optimizers update through kernels"),
      new Rule("dev.vgan.engine.optim", "dev.vgan.engine.loss", "optimizers know no losses"),
      new Rule("dev.vgan.engine.io", "dev.vgan.engine.ops", "io moves bytes, no arithmetic"),
      new Rule("dev.vgan.engine.io", "dev.vgan.engine.optim", "io knows state dicts, not optimizers"),
      new Rule("dev.vgan.engine", "dev.vgan.models", "the engine knows no GAN"),
      new Rule("dev.vgan.engine", "dev.vgan.tools", "the engine knows no tools"),
      new Rule("dev.vgan.engine", "org.ejml", "only tools/sefa uses EJML"),
      new Rule("dev.vgan.engine", "uk.ac.manchester.tornado", "only tornado/ uses TornadoVM"),
      new Rule("dev.vgan.engine.core", VECTOR, "only kernel/simd uses the Vector API"),
      new Rule("dev.vgan.engine.ops", VECTOR, "only kernel/simd uses the Vector API"),
      new Rule("dev.vgan.engine.nn", VECTOR, "only kernel/simd uses the Vector API"),
      new Rule("dev.vgan.engine.loss", VECTOR, "only kernel/simd uses the Vector API"),
      new Rule("dev.vgan.engine.optim", VECTOR, "only kernel/simd uses the Vector API"),
      new Rule("dev.vgan.engine.io", VECTOR, "only kernel/simd uses the Vector API"));

  @Test
  void engineSourcesFollowTheDependencyRules() {
    assertEquals(List.of(), ImportRules.violations(ImportRules.mainSources(), RULES));
  }

  @Test
  void kernelPackageOutsideSimdDoesNotTouchTheVectorApi() throws Exception {
    try (var files = java.nio.file.Files.list(ImportRules.mainSources().resolve("dev/vgan/engine/kernel"))) {
      for (var f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        List<Rule> rule = List.of(new Rule("dev.vgan.engine.kernel", VECTOR, "the scalar fallback must link without it"));
        assertEquals(List.of(), ImportRules.violationsIn(f.toString(), java.nio.file.Files.readString(f), rule));
      }
    }
  }

  @Test
  void ruleCheckerFindsACrossing() {
    String bad = "package dev.vgan.engine.nn;\nimport dev.vgan.models.api.Generator;\n";
    assertEquals(1, ImportRules.violationsIn("Bad.java", bad, RULES).size());
    String qualified = "package dev.vgan.engine.ops;\nclass X { int n = jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.length(); }\n";
    assertEquals(1, ImportRules.violationsIn("Q.java", qualified, RULES).size());
  }
}
