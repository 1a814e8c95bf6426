package dev.vgan.models.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgan.engine.core.Rng;
import dev.vgan.engine.nn.Module;
import dev.vgan.engine.optim.AdamConfig;
import dev.vgan.engine.optim.Optimizer;
import dev.vgan.models.data.Batches;
import dev.vgan.models.data.Sprites;
import dev.vgan.models.dcgan.Dcgan28;
import dev.vgan.models.dcgan.DcganStep;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {
  @TempDir Path dir;
  private final Sprites data = new Sprites(24, 28, false, 5);          // 3 batches of 8 per epoch

  private static DcganStep freshStep(long seed) {
    Rng rng = Rng.seeded(seed);
    return new DcganStep(Dcgan28.generator(rng), Dcgan28.discriminator(rng), Dcgan28.Z,
        AdamConfig.of(2e-4f, 0.5f, 0.999f), rng);
  }

  private static List<float[]> weights(GanStep s) {
    List<float[]> out = new ArrayList<>();
    s.generator().stateDict().values().forEach(t -> out.add(t.data().clone()));
    s.discriminator().stateDict().values().forEach(t -> out.add(t.data().clone()));
    return out;
  }

  @Test
  void twoEpochsInOneRunEqualOnePlusResumePlusOne() throws Exception {
    DcganStep straight = freshStep(3);
    new Trainer(straight, data, 8, dir.resolve("a"), "{}").train(2, new Trainer.Listener() {});

    new Trainer(freshStep(3), data, 8, dir.resolve("b"), "{}").train(1, new Trainer.Listener() {});
    DcganStep resumed = freshStep(99);                                   // other weights and stream
    Trainer second = new Trainer(resumed, data, 8, dir.resolve("b"), "{}");
    second.resume();
    assertEquals(3, second.steps());
    second.train(1, new Trainer.Listener() {});

    List<float[]> a = weights(straight), b = weights(resumed);
    for (int i = 0; i < a.size(); i++) {
      assertArrayEquals(a.get(i), b.get(i), "tensor " + i);
    }
    assertEquals(Files.readString(dir.resolve("a").resolve(Trainer.LOSSES)),
        Files.readString(dir.resolve("b").resolve(Trainer.LOSSES)));
    assertEquals(7, Files.readAllLines(dir.resolve("a").resolve(Trainer.LOSSES)).size());   // header + 6 steps
  }

  /** A step that diverges at a chosen call, around a real one. */
  private static final class Diverging implements GanStep {
    private final DcganStep inner = freshStep(4);
    private final int badCall;
    private int calls;

    Diverging(int badCall) {
      this.badCall = badCall;
    }

    @Override
    public TrainStats step(Batches.Batch real, long index) {
      TrainStats s = inner.step(real, index);
      return ++calls == badCall ? new TrainStats(Float.NaN, s.lossG()) : s;
    }

    @Override
    public Module generator() {
      return inner.generator();
    }

    @Override
    public Module discriminator() {
      return inner.discriminator();
    }

    @Override
    public Optimizer optimizerG() {
      return inner.optimizerG();
    }

    @Override
    public Optimizer optimizerD() {
      return inner.optimizerD();
    }

    @Override
    public Rng rng() {
      return inner.rng();
    }
  }

  @Test
  void aNanLossStopsTrainingAndKeepsTheLastGoodCheckpoint() throws Exception {
    Diverging step = new Diverging(5);                                   // epoch 2, second batch
    Trainer t = new Trainer(step, data, 8, dir, "{}");
    var e = assertThrows(TrainingDivergedException.class, () -> t.train(3, new Trainer.Listener() {}));
    assertTrue(e.getMessage().contains("step 5") && e.getMessage().contains(Trainer.CHECKPOINT), e.getMessage());
    Trainer check = new Trainer(freshStep(7), data, 8, dir, "{}");
    check.resume();
    assertEquals(3, check.steps(), "the checkpoint is the one written after epoch 1");
    assertEquals(1, check.epochs());
  }

}
