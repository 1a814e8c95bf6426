package dev.vgan.models.zoo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgan.engine.core.Rng;
import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.ops.Ops;
import dev.vgan.models.api.GanConfig;
import dev.vgan.models.api.GanKind;
import dev.vgan.models.api.Generator;
import dev.vgan.models.api.ImageSpec;
import dev.vgan.models.api.LatentSpec;
import dev.vgan.models.api.LatentBatch;
import dev.vgan.models.data.Sprites;
import dev.vgan.models.train.GanStep;
import dev.vgan.models.train.TrainConfig;
import dev.vgan.models.train.TrainStats;
import dev.vgan.models.train.Trainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every family trains, saves and reopens; generation does not depend on the batch. */
class GanModelsTest {
  @TempDir Path dir;
  private static final ImageSpec GRAY28 = new ImageSpec(1, 28, 28);
  private static final Sprites DATA = new Sprites(32, 28, false, 3);   // 8 classes

  private static GanModels.Spec small(GanKind kind) {
    GanConfig d = GanModels.defaults(kind, GRAY28, Sprites.CLASSES.length);
    return new GanModels.Spec(new GanConfig(kind, GRAY28, d.latent(), 16), TrainConfig.defaults(kind, 7).withBatch(8));
  }

  private static List<float[]> weights(GanStep s) {
    List<float[]> out = new ArrayList<>();
    s.generator().parameters().forEach(p -> out.add(p.value().data().clone()));
    s.discriminator().parameters().forEach(p -> out.add(p.value().data().clone()));
    return out;
  }

  private static List<String> names(GanStep s) {
    List<String> out = new ArrayList<>();
    s.generator().parameters().forEach(p -> out.add("generator." + p.path()));
    s.discriminator().parameters().forEach(p -> out.add("discriminator." + p.path()));
    return out;
  }

  @ParameterizedTest
  @EnumSource(GanKind.class)
  void everyFamilyTrainsWithFiniteLossesAndMovesEveryWeight(GanKind kind) throws Exception {
    GanModels.Spec spec = small(kind);
    GanStep step = GanModels.create(spec);
    List<float[]> before = weights(step);
    Trainer t = new Trainer(step, DATA, 8, dir, spec.toJson());
    List<TrainStats> seen = new ArrayList<>();
    t.train(spec.train().dSteps() == 1 ? 1 : 2, new Trainer.Listener() {
      @Override
      public void onStep(long s, int epoch, TrainStats stats) {
        seen.add(stats);
      }
    });
    assertFalse(seen.isEmpty());
    seen.forEach(s -> assertTrue(s.finite(), kind + ": " + s));
    List<float[]> after = weights(step);
    List<String> names = names(step);
    for (int i = 0; i < before.size(); i++) {
      // The critic's output bias cancels in mean(fake) − mean(real) and the penalty ignores it.
      boolean constant = kind == GanKind.WGANGP && names.get(i).equals("discriminator.adv.bias");
      assertEquals(constant, Arrays.equals(before.get(i), after.get(i)), kind + ": " + names.get(i)
          + (constant ? " moved" : " did not move"));
    }
  }

  @ParameterizedTest
  @EnumSource(GanKind.class)
  void aReopenedCheckpointGeneratesWhatTheTrainedGeneratorDoes(GanKind kind) throws Exception {
    GanModels.Spec spec = small(kind);
    GanStep step = GanModels.create(spec);
    new Trainer(step, DATA, 8, dir, spec.toJson()).train(1, new Trainer.Listener() {});
    Generator opened = GanModels.open(dir.resolve(Trainer.CHECKPOINT));
    assertEquals(spec.model().latent(), opened.latent());
    assertEquals(spec, GanModels.spec(dir.resolve(Trainer.CHECKPOINT)));
    LatentBatch in = LatentBatch.sample(opened.latent(), 5, null, Rng.seeded(1));
    Tensor a = opened.generate(in.z(), in.labels(), in.codes());
    Tensor b = ((Generator) step.generator()).generate(in.z(), in.labels(), in.codes());
    assertArrayEquals(b.data(), a.data());
    assertEquals(List.of(5, 1, 28, 28), List.of(a.size(0), a.size(1), a.size(2), a.size(3)));
  }

  @ParameterizedTest
  @EnumSource(GanKind.class)
  void anImageDoesNotDependOnTheBatchItIsMadeIn(GanKind kind) {
    GanStep step = GanModels.create(small(kind));
    step.generator().train(true);
    Generator g = (Generator) step.generator();
    LatentBatch in = LatentBatch.sample(g.latent(), 20, null, Rng.seeded(2));
    Tensor all = g.generate(in.z(), in.labels(), in.codes());
    int per = all.numel() / 20;
    for (int n : new int[] {1, 2, 5, 9, 13}) {
      Tensor part = g.generate(rows(in.z(), n), rows(in.labels(), n), rows(in.codes(), n));
      assertArrayEquals(Arrays.copyOf(all.data(), n * per), part.data(), kind + ", batch " + n);
    }
    assertTrue(step.generator().isTraining(), "generate() restores the training mode");
  }

  private static Tensor rows(Tensor t, int n) {
    return t == null ? null : Ops.narrow(t, 0, 0, n).copy();
  }

  @ParameterizedTest
  @EnumSource(value = GanKind.class, names = {"DCGAN", "WGANGP"})
  void aResumedRunContinuesBitForBit(GanKind kind) throws Exception {
    GanModels.Spec spec = small(kind);
    GanStep straight = GanModels.create(spec);
    new Trainer(straight, DATA, 8, dir.resolve("a"), spec.toJson()).train(2, new Trainer.Listener() {});
    new Trainer(GanModels.create(spec), DATA, 8, dir.resolve("b"), spec.toJson()).train(1, new Trainer.Listener() {});
    GanStep resumed = GanModels.create(spec);
    Trainer second = new Trainer(resumed, DATA, 8, dir.resolve("b"), spec.toJson());
    second.resume();
    second.train(1, new Trainer.Listener() {});
    List<float[]> a = weights(straight), b = weights(resumed);
    for (int i = 0; i < a.size(); i++) {
      assertArrayEquals(a.get(i), b.get(i), kind + ": tensor " + i);
    }
  }

  @ParameterizedTest
  @EnumSource(value = GanKind.class, names = {"CGAN", "ACGAN", "WGANGP"})
  void aConditionalGeneratorRefusesToRunWithoutLabels(GanKind kind) {
    Generator g = (Generator) GanModels.create(small(kind)).generator();
    var e = assertThrows(IllegalArgumentException.class, () -> g.generate(Tensor.zeros(2, g.latent().zDim()), null, null));
    assertTrue(e.getMessage().contains("labels"), e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(GanKind.class)
  void theProjectionIsTheFirstLinearsZColumns(GanKind kind) {
    GanStep step = GanModels.create(small(kind));
    Generator g = (Generator) step.generator();
    Tensor a = g.projection().weight();
    Tensor w = step.generator().stateDict().get("main.0.weight");
    assertNotNull(w);
    int z = g.latent().zDim(), in = w.size(1);
    assertEquals(List.of(w.size(0), z), List.of(a.size(0), a.size(1)));
    for (int r = 0; r < w.size(0); r += 97) {
      for (int c = 0; c < z; c++) {
        assertEquals(w.data()[r * in + c], a.data()[r * z + c]);
      }
    }
  }

  @org.junit.jupiter.api.Test
  void conditionalDefaultsRefuseUnlabelledData() {
    var e = assertThrows(IllegalArgumentException.class, () -> GanModels.defaults(GanKind.CGAN, GRAY28, 0));
    assertTrue(e.getMessage().contains("labelled"), e.getMessage());
    assertEquals(LatentSpec.noise(100), GanModels.defaults(GanKind.DCGAN, GRAY28, 0).latent());
  }
}
