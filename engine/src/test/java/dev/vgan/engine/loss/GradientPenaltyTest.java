package dev.vgan.engine.loss;

import static dev.vgan.engine.ops.Ops.conv2d;
import static dev.vgan.engine.ops.Ops.flatten;
import static dev.vgan.engine.ops.Ops.leakyRelu;
import static dev.vgan.engine.ops.Ops.linear;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vgan.engine.core.Autograd;
import dev.vgan.engine.core.Rng;
import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.testing.GradCheck;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Second-order gradients through a small conv critic, checked against finite differences of the penalty. */
class GradientPenaltyTest {
  private final Rng rng = Rng.seeded(21);
  private final Tensor w1 = GradCheck.param(rng, -0.6f, 0.6f, false, 4, 2, 3, 3);
  private final Tensor b1 = GradCheck.param(rng, -0.3f, 0.3f, false, 4);
  private final Tensor w2 = GradCheck.param(rng, -0.5f, 0.5f, false, 1, 4 * 3 * 3);
  private final Tensor b2 = GradCheck.param(rng, -0.3f, 0.3f, false, 1);
  private final UnaryOperator<Tensor> critic =                          // (N, 2, 5, 5) -> (N, 1)
      x -> linear(flatten(leakyRelu(conv2d(x, w1, b1, 2, 1), 0.2f)), w2, b2);
  private final Tensor points = Tensor.uniform(rng, -1f, 1f, 3, 2, 5, 5);

  @Test
  void penaltyGradientMatchesFiniteDifferencesInEveryParameter() {
    GradCheck.assertMatches(() -> GradientPenalty.at(critic, points), List.of(w1, b1, w2, b2), 1e-3, 2e-2);
  }

  @Test
  void penaltyValueMatchesAFiniteDifferenceOfTheCritic() {
    // ‖∇ₓD‖ per sample from central differences of the critic's score, then the penalty by hand.
    double eps = 1e-3, penalty = 0;
    int n = points.size(0), per = points.numel() / n;
    float[] x = points.data();
    for (int s = 0; s < n; s++) {
      double sq = 0;
      for (int j = s * per; j < (s + 1) * per; j++) {
        float saved = x[j];
        double up, down;
        try (var scope = Autograd.noGrad()) {
          x[j] = (float) (saved + eps);
          up = critic.apply(points).data()[s];
          x[j] = (float) (saved - eps);
          down = critic.apply(points).data()[s];
        }
        x[j] = saved;
        double d = (up - down) / (2 * eps);
        sq += d * d;
      }
      penalty += Math.pow(Math.sqrt(sq) - 1, 2) / n;
    }
    assertEquals(penalty, GradientPenalty.at(critic, points).item(), 2e-3 * Math.max(1, penalty));
  }

  @Test
  void penaltyAndItsGradientMatchPyTorch() {
    var golden = dev.vgan.engine.testing.Golden.load(getClass(), "gradient_penalty");
    Rng rng = Rng.seeded(2);
    var net = new dev.vgan.engine.nn.Sequential(new dev.vgan.engine.nn.Conv2d(2, 4, 3, 2, 1, true, rng),
        new dev.vgan.engine.nn.LeakyRelu(0.2f), new dev.vgan.engine.nn.Flatten(),
        new dev.vgan.engine.nn.Linear(36, 1, rng));
    net.loadStateDict(dev.vgan.engine.testing.Golden.withPrefix(golden, "state."));
    Tensor penalty = GradientPenalty.at(net::forward, golden.get("points"));
    dev.vgan.engine.testing.Golden.assertMatches("penalty", golden.get("penalty"), penalty);
    penalty.backward();
    for (var p : net.parameters()) {
      dev.vgan.engine.testing.Golden.assertMatches("grad " + p.path(), golden.get("grad." + p.path()),
          p.value().grad() == null ? Tensor.zeros(p.value().shape()) : p.value().grad());
    }
  }
}
