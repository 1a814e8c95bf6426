package dev.vgan.models.dcgan;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgan.engine.core.Rng;
import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.nn.Parameter;
import dev.vgan.engine.nn.Sequential;
import dev.vgan.engine.optim.AdamConfig;
import dev.vgan.models.train.TrainStats;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The W2 training smoke test: 20 steps on random data give finite losses and move every parameter. */
class DcganStepTest {
  @Test
  void twentyStepsOnRandomDataKeepLossesFiniteAndChangeEveryWeight() {
    Rng rng = Rng.seeded(1);
    Sequential gen = Dcgan28.generator(rng);
    Sequential disc = Dcgan28.discriminator(rng);
    List<float[]> before = snapshot(gen, disc);
    DcganStep step = new DcganStep(gen, disc, Dcgan28.Z, AdamConfig.of(2e-4f, 0.5f, 0.999f), rng);
    for (int i = 0; i < 20; i++) {
      Tensor real = Tensor.uniform(rng, -1f, 1f, 16, 1, 28, 28);
      TrainStats s = step.step(real);
      assertTrue(s.finite(), "step " + i + ": " + s);
    }
    List<float[]> after = snapshot(gen, disc);
    List<Parameter> all = new java.util.ArrayList<>(gen.parameters());
    all.addAll(disc.parameters());
    for (int p = 0; p < before.size(); p++) {
      assertFalse(Arrays.equals(before.get(p), after.get(p)), "parameter " + all.get(p).path() + " did not move");
    }
  }

  @Test
  void theSameSeedGivesBitIdenticalWeightsRunAfterRun() {
    // The second run finds the kernels compiled that the first ran interpreted: the bits must not care.
    List<float[]> first = null;
    for (int run = 0; run < 3; run++) {
      Rng rng = Rng.seeded(5);
      Sequential gen = Dcgan28.generator(rng);
      Sequential disc = Dcgan28.discriminator(rng);
      DcganStep step = new DcganStep(gen, disc, Dcgan28.Z, AdamConfig.of(2e-4f, 0.5f, 0.999f), rng);
      for (int i = 0; i < 3; i++) {
        step.step(Tensor.uniform(rng, -1f, 1f, 8, 1, 28, 28));
      }
      List<float[]> now = snapshot(gen, disc);
      if (first == null) {
        first = now;
      } else {
        for (int p = 0; p < now.size(); p++) {
          org.junit.jupiter.api.Assertions.assertArrayEquals(first.get(p), now.get(p), "run " + run + " tensor " + p);
        }
      }
    }
  }

  private static List<float[]> snapshot(Sequential... nets) {
    List<float[]> out = new java.util.ArrayList<>();
    for (Sequential n : nets) {
      n.parameters().forEach(p -> out.add(p.value().data().clone()));
    }
    return out;
  }
}
