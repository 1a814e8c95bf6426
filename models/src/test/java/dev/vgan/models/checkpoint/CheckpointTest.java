package dev.vgan.models.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgan.engine.core.Rng;
import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.io.MalformedFileException;
import dev.vgan.engine.io.StateDicts;
import dev.vgan.engine.nn.Linear;
import dev.vgan.engine.nn.Sequential;
import dev.vgan.engine.optim.AdamConfig;
import dev.vgan.models.dcgan.Dcgan28;
import dev.vgan.models.dcgan.DcganStep;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
  @TempDir Path dir;
  private static final AdamConfig ADAM = AdamConfig.of(2e-4f, 0.5f, 0.999f);

  private static Tensor batch(int i) {
    return Tensor.uniform(Rng.seeded(1000 + i), -1f, 1f, 8, 1, 28, 28);
  }

  /** Every tensor of the run, in a fixed order: weights, buffers, both optimizers' state. */
  private static List<float[]> snapshot(Sequential g, Sequential d, DcganStep step) {
    List<float[]> out = new ArrayList<>();
    for (var m : List.of(g.stateDict(), d.stateDict(), step.optimizerG().state(), step.optimizerD().state())) {
      m.values().forEach(t -> out.add(t.data().clone()));
    }
    return out;
  }

  @Test
  void resumingFromACheckpointContinuesBitForBit() throws Exception {
    Rng rngA = Rng.seeded(9);
    Sequential gA = Dcgan28.generator(rngA), dA = Dcgan28.discriminator(rngA);
    DcganStep stepA = new DcganStep(gA, dA, Dcgan28.Z, ADAM, rngA);
    for (int i = 0; i < 4; i++) {
      stepA.step(batch(i));
    }

    Rng rngB = Rng.seeded(9);
    Sequential gB = Dcgan28.generator(rngB), dB = Dcgan28.discriminator(rngB);
    DcganStep stepB = new DcganStep(gB, dB, Dcgan28.Z, ADAM, rngB);
    for (int i = 0; i < 2; i++) {
      stepB.step(batch(i));
    }
    Path file = dir.resolve("run.safetensors");
    Checkpoint.save(file, gB, dB, stepB.optimizerG(), stepB.optimizerD(),
        new Checkpoint.Progress("{\"model\":\"dcgan28\"}", rngB.state(), 2, 0));

    Rng rngC = Rng.seeded(12345);                         // different weights and stream, all overwritten
    Sequential gC = Dcgan28.generator(rngC), dC = Dcgan28.discriminator(rngC);
    DcganStep stepC = new DcganStep(gC, dC, Dcgan28.Z, ADAM, rngC);
    Checkpoint.Progress p = Checkpoint.restore(file, gC, dC, stepC.optimizerG(), stepC.optimizerD());
    rngC.setState(p.rngState());
    assertEquals(2, p.step());
    assertEquals("{\"model\":\"dcgan28\"}", p.config());
    for (int i = 2; i < 4; i++) {
      stepC.step(batch(i));
    }
    List<float[]> a = snapshot(gA, dA, stepA), c = snapshot(gC, dC, stepC);
    assertEquals(a.size(), c.size());
    for (int i = 0; i < a.size(); i++) {
      assertArrayEquals(a.get(i), c.get(i), "tensor " + i);
    }
    try (var files = Files.list(dir)) {
      assertEquals(List.of("run.safetensors"), files.map(f -> f.getFileName().toString()).toList(),
          "no temporary file left behind");
    }
  }

  @Test
  void aFileThatIsNotACheckpointOrDoesNotFitIsRefusedByName() throws Exception {
    Rng rng = Rng.seeded(1);
    Sequential g = Dcgan28.generator(rng), d = Dcgan28.discriminator(rng);
    DcganStep step = new DcganStep(g, d, Dcgan28.Z, ADAM, rng);
    Path plain = dir.resolve("weights.safetensors");
    StateDicts.save(g, plain, Map.of());
    var e = assertThrows(MalformedFileException.class,
        () -> Checkpoint.restore(plain, g, d, step.optimizerG(), step.optimizerD()));
    assertTrue(e.getMessage().contains("weights.safetensors") && e.getMessage().contains("not a vgan checkpoint"),
        e.getMessage());

    Path ckpt = dir.resolve("ckpt.safetensors");
    Checkpoint.save(ckpt, g, d, step.optimizerG(), step.optimizerD(), new Checkpoint.Progress("{}", rng.state(), 0, 0));
    Sequential other = new Sequential(new Linear(3, 2, rng));
    var f = assertThrows(MalformedFileException.class,
        () -> Checkpoint.restore(ckpt, other, d, step.optimizerG(), step.optimizerD()));
    assertTrue(f.getMessage().contains("does not fit this model")
        && f.getMessage().contains("0.weight has shape (12544, 100) but the module expects (2, 3)"),
        f.getMessage());
  }
}
