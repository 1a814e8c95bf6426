package dev.vgan.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vgan.engine.core.Rng;
import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.ops.Ops;
import dev.vgan.engine.testing.Golden;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each layer against PyTorch 1.13: the golden holds PyTorch's state dict, the input, a projection r,
 * and what PyTorch computed for loss = Σ output ⊙ r — output, every parameter's gradient, the input's
 * gradient and the state after (running statistics, spectral-norm vectors). Loading the state dict is
 * strict, so the key names and shapes are checked too.
 */
class LayerParityTest {
  private static final Rng RNG = Rng.seeded(0);
  private static final Map<String, Supplier<Module>> LAYERS = Map.ofEntries(
      Map.entry("linear", () -> new Linear(7, 5, RNG)),
      Map.entry("conv2d", () -> new Conv2d(3, 4, 3, 2, 1, true, RNG)),
      Map.entry("conv2d_nobias", () -> new Conv2d(2, 3, 5, 1, 2, false, RNG)),
      Map.entry("conv_transpose2d", () -> new ConvTranspose2d(3, 2, 4, 2, 1, true, RNG)),
      Map.entry("conv_transpose2d_outpad", () -> new ConvTranspose2d(2, 3, 3, 2, 1, 1, true, RNG)),
      Map.entry("bn1d_train", () -> new BatchNorm1d(5)),
      Map.entry("bn1d_eval", () -> new BatchNorm1d(5).eval()),
      Map.entry("bn2d_train", () -> new BatchNorm2d(3)),
      Map.entry("bn2d_eval", () -> new BatchNorm2d(3).eval()),
      Map.entry("embedding", () -> new Embedding(6, 4, RNG)),
      Map.entry("upsample", () -> new Upsample(2)),
      Map.entry("leaky_relu", () -> new LeakyRelu(0.2f)),
      Map.entry("relu", Relu::new),
      Map.entry("tanh", Tanh::new),
      Map.entry("sigmoid", Sigmoid::new),
      Map.entry("spectral_norm_linear", () -> new SpectralNorm(new Linear(6, 4, RNG), RNG)),
      Map.entry("spectral_norm_conv2d", () -> new SpectralNorm(new Conv2d(2, 3, 3, 1, 1, true, RNG), RNG)),
      Map.entry("spectral_norm_eval", () -> new SpectralNorm(new Linear(6, 4, RNG), RNG).eval()));

  @ParameterizedTest
  @ValueSource(strings = {"linear", "conv2d", "conv2d_nobias", "conv_transpose2d", "conv_transpose2d_outpad",
      "bn1d_train", "bn1d_eval", "bn2d_train", "bn2d_eval", "embedding", "upsample", "leaky_relu", "relu", "tanh",
      "sigmoid", "spectral_norm_linear", "spectral_norm_conv2d", "spectral_norm_eval"})
  void layerMatchesPyTorch(String name) {
    Map<String, Tensor> golden = Golden.load(getClass(), "layer_" + name);
    Module layer = LAYERS.get(name).get();
    layer.loadStateDict(Golden.withPrefix(golden, "state."));
    boolean inputGrad = golden.containsKey("grad.input");
    Tensor x = golden.get("input").copy().requiresGrad(inputGrad);
    Tensor y = layer.forward(x);
    Golden.assertMatches(name + " output", golden.get("output"), y);
    Ops.sum(Ops.mul(y, golden.get("proj"))).backward();
    for (Parameter p : layer.parameters()) {
      Golden.assertMatches(name + " grad " + p.path(), golden.get("grad." + p.path()), p.value().grad());
    }
    if (inputGrad) {
      Golden.assertMatches(name + " grad input", golden.get("grad.input"), x.grad());
    }
    Map<String, Tensor> after = Golden.withPrefix(golden, "after.");
    assertEquals(after.keySet(), layer.stateDict().keySet(), name + " state-dict keys");
    layer.stateDict().forEach((k, t) -> Golden.assertMatches(name + " state after " + k, after.get(k), t));
  }
}
