package dev.vgan.engine.ops;

import static dev.vgan.engine.testing.GradCheck.assertMatches;
import static dev.vgan.engine.testing.GradCheck.assertPathsAgree;
import static dev.vgan.engine.testing.GradCheck.param;
import static dev.vgan.engine.testing.GradCheck.project;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgan.engine.core.Autograd;
import dev.vgan.engine.core.Rng;
import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.nn.Conv2d;
import dev.vgan.engine.nn.Relu;
import dev.vgan.engine.nn.Sequential;
import dev.vgan.engine.nn.Upsample;
import dev.vgan.engine.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sub-pixel form of {@code Upsample(2)} + "same" Conv2d against the two ops as written (its
 * independent twin: nearest upsampling, then the im2col/direct convolution, each tested on its own), in
 * value and in every gradient; its gradients against finite differences and the recorded (second-order)
 * path; the pixel shuffle against its index formula.
 */
class UpsampleConvOpsTest {
  /** Values and gradients of the fused op and the composition, for one kernel size. */
  private static void assertMatchesComposition(int channels, int out, int size, int kernel, boolean bias) {
    int padding = kernel / 2;
    Rng rng = Rng.seeded(kernel * 31 + channels);
    Tensor x = param(rng, -1f, 1f, false, 2, channels, size, size + 1);
    Tensor w = param(rng, -1f, 1f, false, out, channels, kernel, kernel);
    Tensor b = bias ? param(rng, -1f, 1f, false, out) : null;
    List<Tensor> wrt = bias ? List.of(x, w, b) : List.of(x, w);
    Tensor fused = UpsampleConvOps.upsampleConv2d(x, w, b, padding);
    Tensor composed = Ops.conv2d(Ops.upsampleNearest(x, 2), w, b, 1, padding);
    assertEquals(composed.shape(), fused.shape());
    // Each value sums C·k² products of |v| ≤ 1, in another grouping: C·k² · eps · C·k² bounds the difference.
    double terms = channels * kernel * kernel;
    Fixtures.assertClose("k=" + kernel + " value", composed.data(), fused.data(), terms * terms * Fixtures.FLOAT_EPS);
    List<Tensor> gFused = Autograd.grad(project(fused, 5), wrt, false);
    List<Tensor> gComposed = Autograd.grad(project(composed, 5), wrt, false);
    for (int i = 0; i < wrt.size(); i++) {
      // A weight gradient sums N·OH·OW products, an input gradient 4·O·k² (four upsampled copies).
      double gradTerms = Math.max(2.0 * 4 * size * (size + 1), 4.0 * out * kernel * kernel);
      Fixtures.assertClose("k=" + kernel + " gradient #" + i, gComposed.get(i).data(), gFused.get(i).data(),
          gradTerms * gradTerms * Fixtures.FLOAT_EPS);
    }
  }

  /** The names of the ops recorded on the way to {@code y}. */
  private static java.util.Set<String> recordedOps(Tensor y) {
    java.util.Set<String> names = new java.util.TreeSet<>();
    java.util.ArrayDeque<Tensor> todo = new java.util.ArrayDeque<>(List.of(y));
    while (!todo.isEmpty()) {
      Tensor t = todo.pop();
      if (t.node() != null) {
        names.add(t.node().name());
        todo.addAll(t.node().inputs());
      }
    }
    return names;
  }

  @Test
  void fiveByFiveEqualsUpsampleThenConvInValueAndGradients() {
    assertTrue(UpsampleConvOps.pays(5, 2));
    assertMatchesComposition(3, 4, 5, 5, true);
    assertMatchesComposition(6, 17, 7, 5, false);
  }

  @Test
  void sevenBySevenFoldsToFiveByFive() {
    assertTrue(UpsampleConvOps.pays(7, 3));
    assertMatchesComposition(2, 5, 4, 7, true);
  }

  @Test
  void threeByThreeAndNonSameKernelsAreLeftAsWritten() {
    assertFalse(UpsampleConvOps.pays(3, 1), "3×3 folds to 3×3: nothing saved");
    assertFalse(UpsampleConvOps.pays(5, 1), "not 'same'");
    assertFalse(UpsampleConvOps.pays(4, 2), "even kernel");
    assertMatchesComposition(3, 4, 5, 3, true);
  }

  @Test
  void gradientsMatchFiniteDifferencesAndTheRecordedPath() {
    Rng rng = Rng.seeded(9);
    Tensor x = param(rng, -1f, 1f, false, 2, 3, 4, 5);
    Tensor w = param(rng, -1f, 1f, false, 2, 3, 5, 5);
    Tensor b = param(rng, -1f, 1f, false, 2);
    assertMatches(() -> project(UpsampleConvOps.upsampleConv2d(x, w, b, 2), 99), List.of(x, w, b), 1e-2, 2e-2);
    assertPathsAgree(() -> project(UpsampleConvOps.upsampleConv2d(x, w, b, 2), 99), List.of(x, w, b), 1e-5);
  }

  @Test
  void pixelShuffleMovesChannelsToTheIndexFormulaAndBack() {
    Rng rng = Rng.seeded(3);
    int n = 2, c = 3, r = 2, h = 3, w = 4;
    Tensor x = param(rng, -1f, 1f, false, n, c * r * r, h, w);
    Tensor y = UpsampleConvOps.pixelShuffle(x, r);
    for (int i = 0; i < n; i++) {
      for (int ch = 0; ch < c; ch++) {
        for (int yy = 0; yy < h * r; yy++) {
          for (int xx = 0; xx < w * r; xx++) {
            int src = ((i * c * r * r + ch * r * r + (yy % r) * r + xx % r) * h + yy / r) * w + xx / r;
            int dst = ((i * c + ch) * h * r + yy) * w * r + xx;
            assertEquals(x.data()[src], y.data()[dst], "(" + i + ", " + ch + ", " + yy + ", " + xx + ")");
          }
        }
      }
    }
    Tensor back = UpsampleConvOps.pixelUnshuffle(y, r);
    Fixtures.assertClose("unshuffle(shuffle(x))", x.data(), back.data(), 0);
    assertMatches(() -> project(UpsampleConvOps.pixelShuffle(x, r), 7), List.of(x), 1e-2, 2e-2);
    Tensor big = param(rng, -1f, 1f, false, n, c, h * r, w * r);
    assertMatches(() -> project(UpsampleConvOps.pixelUnshuffle(big, r), 8), List.of(big), 1e-2, 2e-2);
    assertPathsAgree(() -> project(UpsampleConvOps.pixelUnshuffle(UpsampleConvOps.pixelShuffle(x, r), r), 7),
        List.of(x), 1e-6);
  }

  @Test
  void sequentialFusesUpsampleAndConvWithoutChangingParameters() {
    Rng rng = Rng.seeded(4);
    Upsample up = new Upsample(2);
    Conv2d conv = new Conv2d(3, 8, 5, 1, 2, true, rng);
    Sequential net = new Sequential(up, conv, new Relu());
    Tensor x = param(rng, -1f, 1f, false, 2, 3, 6, 6);
    Tensor fused = net.forward(x);
    Tensor layerByLayer = new Relu().forward(conv.forward(up.forward(x)));
    Fixtures.assertClose("Sequential", layerByLayer.data(), fused.data(), 75.0 * 75 * Fixtures.FLOAT_EPS);
    assertTrue(recordedOps(fused).contains("pixelShuffle"), "the sub-pixel form ran: " + recordedOps(fused));
    assertFalse(recordedOps(fused).contains("upsampleNearest"), "no upsampled tensor: " + recordedOps(fused));
    assertEquals(List.of("1.weight", "1.bias"), List.copyOf(net.stateDict().keySet()));
  }
}
