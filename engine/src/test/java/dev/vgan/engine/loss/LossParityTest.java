package dev.vgan.engine.loss;

import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.testing.Golden;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each loss's value and input gradients against PyTorch's functional losses (goldens/losses). */
class LossParityTest {
  private static final Map<String, Tensor> G = Golden.load(LossParityTest.class, "losses");
  private static final Map<String, Function<List<Tensor>, Tensor>> LOSSES = Map.of(
      "bce", in -> Losses.bceWithLogits(in.get(0), bceTargets(in.get(0))),
      "bce_real", in -> Losses.bceWithLogits(in.get(0), 1f),
      "ce_hard", in -> Losses.crossEntropy(in.get(0), labels()),
      "ce_soft", in -> Losses.crossEntropy(in.get(0), G.get("ce_soft.targets")),
      "mse", in -> Losses.mse(in.get(0), in.get(1)),
      "gaussian_nll", in -> Losses.gaussianNll(in.get(0), in.get(1), in.get(2)),
      "hinge_real", in -> Losses.hingeReal(in.get(0)),
      "hinge_fake", in -> Losses.hingeFake(in.get(0)),
      "wasserstein", in -> Losses.wassersteinCritic(in.get(0), in.get(1)));

  /** The script's targets: element i of the (6, 4) logits is 1 when i % 3 == 0. */
  private static Tensor bceTargets(Tensor logits) {
    float[] t = new float[logits.numel()];
    for (int i = 0; i < t.length; i++) {
      t[i] = i % 3 == 0 ? 1f : 0f;
    }
    return Tensor.of(t, logits.shape());
  }

  private static int[] labels() {
    float[] f = G.get("ce_hard.labels").data();
    int[] l = new int[f.length];
    for (int i = 0; i < f.length; i++) {
      l[i] = (int) f[i];
    }
    return l;
  }

  @ParameterizedTest
  @ValueSource(strings = {"bce", "bce_real", "ce_hard", "ce_soft", "mse", "gaussian_nll", "hinge_real", "hinge_fake",
      "wasserstein"})
  void lossMatchesPyTorch(String name) {
    List<Tensor> inputs = new java.util.ArrayList<>();
    for (int i = 0; G.containsKey(name + ".in" + i); i++) {
      inputs.add(G.get(name + ".in" + i).copy().requiresGrad(true));
    }
    Tensor value = LOSSES.get(name).apply(inputs);
    Golden.assertMatches(name + " value", G.get(name + ".value"), value);
    value.backward();
    for (int i = 0; i < inputs.size(); i++) {
      Golden.assertMatches(name + " grad " + i, G.get(name + ".grad" + i), inputs.get(i).grad());
    }
  }
}
