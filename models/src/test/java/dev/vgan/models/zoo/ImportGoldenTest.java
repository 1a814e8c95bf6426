package dev.vgan.models.zoo;

import static dev.vgan.engine.testing.JsonLists.floats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.io.Json;
import dev.vgan.engine.io.MalformedFileException;
import dev.vgan.models.api.GanConfig;
import dev.vgan.models.api.GanKind;
import dev.vgan.models.api.Generator;
import dev.vgan.models.api.ImageSpec;
import dev.vgan.models.api.LatentSpec;
import dev.vgan.models.checkpoint.Checkpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PyTorch W2 generator's state dict (BF16 weights, I64 counters; torch/make_import_golden.py) imported
 * and sampled from PyTorch's latent vectors gives PyTorch's images.
 */
class ImportGoldenTest {
  @TempDir Path dir;
  private static final Path TORCH = Path.of("src/test/resources/torch");
  private static final GanConfig W2 = new GanConfig(GanKind.DCGAN, new ImageSpec(1, 28, 28), LatentSpec.noise(100), 128);

  @Test
  void anImportedPytorchGeneratorMakesPytorchsImages() throws Exception {
    Path ckpt = dir.resolve("imported.safetensors");
    GanModels.importGenerator(W2, TORCH.resolve("w2_pytorch_generator.safetensors"), ckpt);
    Map<String, Object> golden = Json.parseObject(Files.readString(TORCH.resolve("w2_import_golden.json")));
    Generator g = GanModels.open(ckpt);
    Tensor images = g.generate(Tensor.of(floats(golden.get("z")), 8, 100), null, null);
    float[] want = floats(golden.get("images"));
    float worst = 0;
    for (int i = 0; i < want.length; i++) {
      worst = Math.max(worst, Math.abs(images.data()[i] - want[i]));
    }
    assertTrue(worst <= 1e-4f, "max |vgan − torch| = " + worst);
    assertEquals(want.length, images.numel());
  }

  @Test
  void anImportedCheckpointCannotBeResumedAndSaysWhy() throws Exception {
    Path ckpt = dir.resolve("imported.safetensors");
    GanModels.importGenerator(W2, TORCH.resolve("w2_pytorch_generator.safetensors"), ckpt);
    var step = GanModels.create(GanModels.spec(ckpt));
    var e = assertThrows(MalformedFileException.class, () -> Checkpoint.restore(ckpt, step.generator(),
        step.discriminator(), step.optimizerG(), step.optimizerD()));
    assertTrue(e.getMessage().contains("generator only"), e.getMessage());
  }

  @Test
  void aStateDictOfAnotherNetworkIsRefusedNamingTheFile() throws Exception {
    Path wrong = dir.resolve("wrong.safetensors");
    GanModels.importGenerator(W2, TORCH.resolve("w2_pytorch_generator.safetensors"), dir.resolve("ok.safetensors"));
    Files.copy(TORCH.resolve("w2.safetensors"), wrong);
    var e = assertThrows(MalformedFileException.class,
        () -> GanModels.importGenerator(W2, wrong, dir.resolve("x.safetensors")));
    assertTrue(e.getMessage().contains("wrong.safetensors"), e.getMessage());
  }
}
