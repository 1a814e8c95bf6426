package dev.vgan.models.dcgan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.vgan.engine.core.Autograd;
import dev.vgan.engine.core.Rng;
import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.io.StateDicts;
import dev.vgan.engine.nn.Sequential;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Writes a trained-looking W2 generator's state dict and one eval-mode sample to
 * {@code target/interop/}, and checks the files round-trip here. {@code torch/check_export.py} (run by
 * hand with python3-torch) loads the same files into the PyTorch twin with {@code strict=True} and
 * compares its output: that ours load in PyTorch.
 */
class StateDictExportTest {
  @Test
  void generatorStateDictRoundTripsAndIsWrittenForPyTorch() throws Exception {
    Rng rng = Rng.seeded(21);
    Sequential g = Dcgan28.generator(rng);
    g.forward(Tensor.randn(rng, 16, Dcgan28.Z));                   // non-trivial running statistics
    g.eval();
    Tensor z = Tensor.randn(rng, 4, Dcgan28.Z);
    Tensor out;
    try (var s = Autograd.noGrad()) {
      out = g.forward(z);
    }
    Path dir = Files.createDirectories(Path.of("target", "interop"));
    StateDicts.save(g, dir.resolve("w2_generator.safetensors"), Map.of("arch", "dcgan28"));
    Map<String, Tensor> sample = new LinkedHashMap<>();
    sample.put("z", z);
    sample.put("out", out);
    StateDicts.write(sample, dir.resolve("w2_sample.safetensors"), Map.of());

    Sequential again = Dcgan28.generator(Rng.seeded(99));
    StateDicts.load(again, dir.resolve("w2_generator.safetensors"));
    again.eval();
    try (var s = Autograd.noGrad()) {
      assertArrayEquals(out.data(), again.forward(z).data());
    }
  }
}
