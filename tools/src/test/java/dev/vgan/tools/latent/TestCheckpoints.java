package dev.vgan.tools.latent;

import dev.vgan.engine.core.Rng;
import dev.vgan.models.api.GanConfig;
import dev.vgan.models.api.GanKind;
import dev.vgan.models.api.ImageSpec;
import dev.vgan.models.blocks.GanGenerator;
import dev.vgan.models.checkpoint.Checkpoint;
import dev.vgan.models.train.TrainConfig;
import dev.vgan.models.zoo.GanModels;
import java.io.IOException;
import java.nio.file.Path;

/** Checkpoints of small generators with fixed (seeded, untrained) weights, for tests of the latent tools. */
public final class TestCheckpoints {
  private TestCheckpoints() {}

  /** A 28×28 gray generator of {@code kind} (10 classes where it takes labels), width 8, weights from seed 7. */
  public static Path write(Path dir, GanKind kind) throws IOException {
    GanConfig defaults = GanModels.defaults(kind, new ImageSpec(1, 28, 28), 10);
    GanConfig config = new GanConfig(kind, defaults.image(), defaults.latent(), 8);
    GanGenerator g = new GanGenerator(config, Rng.seeded(7));
    Path file = dir.resolve(kind.id() + ".safetensors");
    Checkpoint.saveGenerator(file, g, new GanModels.Spec(config, TrainConfig.defaults(kind, 0)).toJson());
    return file;
  }
}
