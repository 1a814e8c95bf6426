package dev.vgan.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgan.engine.core.Rng;
import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.io.MalformedFileException;
import dev.vgan.engine.io.StateDicts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleTest {
  private final Rng rng = Rng.seeded(5);

  private Sequential net() {
    return new Sequential(new Linear(4, 6, rng), new BatchNorm1d(6), new Relu(),
        new Sequential(new Linear(6, 2, false, rng), new Dropout(0.5f, rng)));
  }

  @Test
  void stateDictKeysFollowPyTorchNaming() {
    assertEquals(List.of("0.weight", "0.bias", "1.weight", "1.bias", "1.running_mean", "1.running_var",
        "1.num_batches_tracked", "3.0.weight"), List.copyOf(net().stateDict().keySet()));
    assertEquals(List.of("0.weight", "0.bias", "1.weight", "1.bias", "3.0.weight"),
        net().parameters().stream().map(Parameter::path).toList());
  }

  @Test
  void trainAndEvalReachEveryDescendant() {
    Sequential n = net();
    n.eval();
    assertTrue(n.modules().stream().noneMatch(Module::isTraining));
    n.train(true);
    assertTrue(n.modules().stream().allMatch(Module::isTraining));
  }

  @Test
  void evalModeOutputDoesNotDependOnTheBatch() {
    Sequential n = net();
    n.forward(Tensor.randn(rng, 8, 4));                     // moves the running statistics
    n.eval();
    Tensor batch = Tensor.randn(rng, 5, 4);
    Tensor alone = Tensor.of(java.util.Arrays.copyOfRange(batch.data(), 8, 12), 1, 4);
    float[] all = n.forward(batch).data();
    assertArrayEquals(java.util.Arrays.copyOfRange(all, 4, 6), n.forward(alone).data(), 1e-6f);
  }

  @Test
  void loadStateDictNamesEveryProblem() {
    Map<String, Tensor> sd = new java.util.LinkedHashMap<>(net().stateDict());
    sd.remove("0.bias");
    sd.put("0.weight", Tensor.zeros(3, 3));
    sd.put("9.weight", Tensor.zeros(1));
    var e = assertThrows(IllegalArgumentException.class, () -> net().loadStateDict(sd));
    assertTrue(e.getMessage().contains("missing 0.bias"), e.getMessage());
    assertTrue(e.getMessage().contains("0.weight has shape (3, 3) but the module expects (6, 4)"), e.getMessage());
    assertTrue(e.getMessage().contains("unexpected 9.weight"), e.getMessage());
  }

  @Test
  void savedWeightsLoadIntoAFreshModel(@TempDir Path dir) throws Exception {
    Sequential a = net();
    a.forward(Tensor.randn(rng, 8, 4));
    Path f = dir.resolve("net.safetensors");
    StateDicts.save(a, f, Map.of("note", "test"));
    Sequential b = net();
    assertFalse(java.util.Arrays.equals(a.stateDict().get("0.weight").data(), b.stateDict().get("0.weight").data()));
    StateDicts.load(b, f);
    a.stateDict().forEach((k, t) -> assertArrayEquals(t.data(), b.stateDict().get(k).data(), k));
    Sequential other = new Sequential(new Linear(4, 6, rng));
    var e = assertThrows(MalformedFileException.class, () -> StateDicts.load(other, f));
    assertTrue(e.getMessage().contains("net.safetensors") && e.getMessage().contains("unexpected 1.weight"),
        e.getMessage());
    assertEquals(List.of("net.safetensors"), Files.list(dir).map(p -> p.getFileName().toString()).toList());
  }

  @Test
  void defaultAndDcganInitializationsHaveTheirDocumentedSpread() {
    Linear big = new Linear(400, 300, rng);                  // uniform ±1/√400 = ±0.05: std 0.05/√3
    assertStd(big.weight(), 0f, 0.05 / Math.sqrt(3));
    assertTrue(max(big.weight()) <= 0.05f && max(big.bias()) <= 0.05f);
    Sequential g = new Sequential(new ConvTranspose2d(64, 32, 4, 2, 1, false, rng), new BatchNorm2d(32));
    Init.dcgan(g, rng);
    assertStd(((ConvTranspose2d) g.get(0)).weight(), 0f, 0.02);
    assertStd(((BatchNorm2d) g.get(1)).weight(), 1f, 0.02);
  }

  private static float max(Tensor t) {
    float m = 0;
    for (float v : t.data()) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }

  private static void assertStd(Tensor t, float mean, double std) {
    double s = 0, s2 = 0;
    for (float v : t.data()) {
      s += v - mean;
      s2 += (v - mean) * (v - mean);
    }
    int n = t.numel();
    assertEquals(0, s / n, 5 * std / Math.sqrt(n), "mean");
    assertEquals(std, Math.sqrt(s2 / n), 5 * std / Math.sqrt(2.0 * n), "std");     // five standard errors
  }
}
