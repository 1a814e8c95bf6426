package dev.vgan.engine.optim;

import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.nn.Parameter;
import dev.vgan.engine.testing.Golden;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Three steps of each optimizer on one tensor with fixed gradients, against torch.optim (goldens/optim). */
class OptimizerParityTest {
  private static final Map<String, Tensor> G = Golden.load(OptimizerParityTest.class, "optim");
  private static final Map<String, Function<List<Parameter>, Optimizer>> MAKE = Map.of(
      "adam_dcgan", p -> new Adam(p, AdamConfig.of(2e-4f, 0.5f, 0.999f)),
      "adam_l2", p -> new Adam(p, new AdamConfig(1e-2f, 0.9f, 0.99f, 1e-6f, 0.1f, false)),
      "adamw", p -> new Adam(p, new AdamConfig(1e-2f, 0.9f, 0.99f, 1e-8f, 0.1f, true)),
      "sgd_momentum", p -> new Sgd(p, 0.1f, 0.9f),
      "sgd_nesterov", p -> new Sgd(p, 0.1f, 0.9f, 0f, 0.01f, true));

  @ParameterizedTest
  @ValueSource(strings = {"adam_dcgan", "adam_l2", "adamw", "sgd_momentum", "sgd_nesterov"})
  void threeStepsMatchPyTorch(String name) {
    Tensor p = G.get("p0").copy().requiresGrad(true);
    Optimizer opt = MAKE.get(name).apply(List.of(new Parameter("p", p)));
    for (int t = 1; t <= 3; t++) {
      opt.zeroGrad();
      float[] g = p.gradBuffer().data();
      System.arraycopy(G.get("g" + t).data(), 0, g, 0, g.length);
      opt.step();
      Golden.assertMatches(name + " step " + t, G.get(name + ".step" + t), p);
    }
  }

  @Test
  void savedStateResumesTheSameTrajectory() {
    Tensor a = G.get("p0").copy().requiresGrad(true);
    Adam first = new Adam(List.of(new Parameter("p", a)), AdamConfig.of(1e-2f, 0.5f, 0.999f));
    a.gradBuffer();
    System.arraycopy(G.get("g1").data(), 0, a.grad().data(), 0, a.numel());
    first.step();
    Tensor b = a.copy().requiresGrad(true);
    Adam resumed = new Adam(List.of(new Parameter("p", b)), AdamConfig.of(1e-2f, 0.5f, 0.999f));
    resumed.loadState(first.state());
    for (Tensor x : List.of(a, b)) {
      x.gradBuffer();
      System.arraycopy(G.get("g2").data(), 0, x.grad().data(), 0, x.numel());
    }
    first.step();
    resumed.step();
    org.junit.jupiter.api.Assertions.assertArrayEquals(a.data(), b.data());
  }

  @Test
  void aChangedLearningRateActsLikeAnOptimizerBuiltWithIt() {
    Tensor a = G.get("p0").copy().requiresGrad(true);
    Tensor b = G.get("p0").copy().requiresGrad(true);
    Adam scheduled = new Adam(List.of(new Parameter("p", a)), AdamConfig.of(1e-2f, 0.5f, 0.999f));
    Adam before = new Adam(List.of(new Parameter("p", b)), AdamConfig.of(1e-2f, 0.5f, 0.999f));
    for (Tensor x : List.of(a, b)) {
      x.gradBuffer();
      System.arraycopy(G.get("g1").data(), 0, x.grad().data(), 0, x.numel());
    }
    scheduled.step();
    before.step();
    scheduled.setLearningRate(1e-3f);
    Adam after = new Adam(List.of(new Parameter("p", b)), AdamConfig.of(1e-3f, 0.5f, 0.999f));
    after.loadState(before.state());
    for (Tensor x : List.of(a, b)) {
      System.arraycopy(G.get("g2").data(), 0, x.grad().data(), 0, x.numel());
    }
    scheduled.step();
    after.step();
    org.junit.jupiter.api.Assertions.assertArrayEquals(b.data(), a.data());
    org.junit.jupiter.api.Assertions.assertEquals(1e-3f, scheduled.config().lr());
  }
}
