package dev.vgan.engine.ops;

import static dev.vgan.engine.ops.Ops.*;
import static dev.vgan.engine.testing.GradCheck.assertMatches;
import static dev.vgan.engine.testing.GradCheck.assertPathsAgree;
import static dev.vgan.engine.testing.GradCheck.param;
import static dev.vgan.engine.testing.GradCheck.project;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgan.engine.core.Rng;
import dev.vgan.engine.core.Shape;
import dev.vgan.engine.core.Tensor;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Every differentiable op: analytic gradient against central finite differences (double), and for the
 * ops that record their backward, the fused and recorded paths against each other.
 */
class OpsGradientTest {
  private static final double EPS = 1e-2;
  private static final double TOL = 2e-2;

  private static void check(Supplier<Tensor> y, Tensor... wrt) {
    Supplier<Tensor> loss = () -> project(y.get(), 99);
    assertMatches(loss, List.of(wrt), EPS, TOL);
  }

  private static void checkBothPaths(Supplier<Tensor> y, Tensor... wrt) {
    check(y, wrt);
    assertPathsAgree(() -> project(y.get(), 99), List.of(wrt), 1e-5);
  }

  @Test
  void elementwiseArithmeticGradientsMatchFiniteDifferences() {
    Rng rng = Rng.seeded(1);
    Tensor a = param(rng, -1f, 1f, false, 3, 5), b = param(rng, 0.5f, 2f, true, 3, 5);
    Tensor pos = param(rng, 0.5f, 2f, false, 3, 5);
    Tensor s = param(rng, 0.5f, 1.5f, false);
    checkBothPaths(() -> add(a, b), a, b);
    checkBothPaths(() -> sub(a, b), a, b);
    checkBothPaths(() -> mul(a, b), a, b);
    checkBothPaths(() -> div(a, b), a, b);
    checkBothPaths(() -> mul(a, -1.5f), a);
    checkBothPaths(() -> add(a, 0.25f), a);
    checkBothPaths(() -> scaleBy(a, s), a, s);
    checkBothPaths(() -> square(a), a);
    checkBothPaths(() -> sqrt(pos), pos);
    checkBothPaths(() -> log(pos), pos);
    checkBothPaths(() -> exp(a), a);
  }

  @Test
  void reductionGradientsMatchFiniteDifferences() {
    Rng rng = Rng.seeded(2);
    Tensor x = param(rng, -1f, 1f, false, 4, 3, 5);
    checkBothPaths(() -> sum(x), x);
    checkBothPaths(() -> mean(x), x);
    checkBothPaths(() -> sum(x, 0), x);
    checkBothPaths(() -> sum(x, -1), x);
    checkBothPaths(() -> ReduceOps.sumChannels(x), x);
  }

  @Test
  void matmulGradientsMatchFiniteDifferencesInEveryTransposeForm() {
    Rng rng = Rng.seeded(3);
    Tensor a = param(rng, -1f, 1f, false, 5, 7), at = param(rng, -1f, 1f, false, 7, 5);
    Tensor b = param(rng, -1f, 1f, false, 7, 3), bt = param(rng, -1f, 1f, false, 3, 7);
    checkBothPaths(() -> MatMulOps.mm(a, false, b, false), a, b);
    checkBothPaths(() -> MatMulOps.mm(at, true, b, false), at, b);
    checkBothPaths(() -> MatMulOps.mm(a, false, bt, true), a, bt);
    checkBothPaths(() -> MatMulOps.mm(at, true, bt, true), at, bt);
  }

  @Test
  void linearGradientsMatchFiniteDifferences() {
    Rng rng = Rng.seeded(4);
    Tensor x = param(rng, -1f, 1f, false, 6, 9), w = param(rng, -1f, 1f, false, 4, 9), b = param(rng, -1f, 1f, false, 4);
    checkBothPaths(() -> linear(x, w, b), x, w, b);
    checkBothPaths(() -> linear(x, w, null), x, w);
  }

  @Test
  void conv2dGradientsMatchFiniteDifferences() {
    Rng rng = Rng.seeded(7);
    Tensor x = param(rng, -1f, 1f, false, 2, 3, 7, 5);          // odd H, W on purpose
    Tensor w = param(rng, -1f, 1f, false, 4, 3, 3, 3);
    Tensor b = param(rng, -1f, 1f, false, 4);
    checkBothPaths(() -> conv2d(x, w, b, 2, 1), x, w, b);
    checkBothPaths(() -> conv2d(x, w, null, 1, 0), x, w);
  }

  @Test
  void convTranspose2dGradientsMatchFiniteDifferences() {
    Rng rng = Rng.seeded(8);
    Tensor x = param(rng, -1f, 1f, false, 2, 3, 4, 3);
    Tensor w = param(rng, -1f, 1f, false, 3, 2, 4, 4);           // (in, out, kh, kw)
    Tensor b = param(rng, -1f, 1f, false, 2);
    checkBothPaths(() -> convTranspose2d(x, w, b, 2, 1, 0), x, w, b);
    checkBothPaths(() -> convTranspose2d(x, w, null, 3, 2, 1), x, w);
  }

  @Test
  void convolutionsRefuseABiasOfTheWrongLengthBeforeComputing() {
    Rng rng = Rng.seeded(10);
    Tensor x = param(rng, -1f, 1f, false, 1, 3, 5, 5);
    Tensor w = param(rng, -1f, 1f, false, 4, 3, 3, 3);
    Tensor threeValues = param(rng, -1f, 1f, false, 3);
    var e = assertThrows(IllegalArgumentException.class,
        () -> conv2d(x, w, threeValues, 1, 1));
    assertTrue(e.getMessage().contains("4 output channels"), e.getMessage());
    // ConvTranspose2d(3 -> 4): the bias belongs to its 4 output channels, not its 3 input channels.
    Tensor wt = param(rng, -1f, 1f, false, 3, 4, 3, 3);
    assertThrows(IllegalArgumentException.class,
        () -> convTranspose2d(x, wt, threeValues, 1, 1, 0));
    // The sub-pixel Upsample(2) + Conv2d checks the bias against its own 4 output channels.
    Tensor w5 = param(rng, -1f, 1f, false, 4, 3, 5, 5);
    var fused = assertThrows(IllegalArgumentException.class, () -> upsampleConv2d(x, w5, threeValues, 2));
    assertTrue(fused.getMessage().contains("4 output channels"), fused.getMessage());
  }

  @Test
  void convWeightGradientOpRecordsItsOwnGradient() {
    Rng rng = Rng.seeded(9);
    Tensor img = param(rng, -1f, 1f, false, 2, 2, 5, 6);
    var g = dev.vgan.engine.kernel.ConvGeometry.square(2, 5, 6, 3, 2, 1);
    Tensor small = param(rng, -1f, 1f, false, 2, 3, g.outHeight(), g.outWidth());
    checkBothPaths(() -> ConvOps.convW(img, small, g, 3, Shape.of(3, 2, 3, 3)), img, small);
  }

  @Test
  void activationGradientsMatchFiniteDifferences() {
    Rng rng = Rng.seeded(10);
    Tensor x = param(rng, 0.05f, 2f, true, 4, 9);              // away from the kink at 0
    checkBothPaths(() -> relu(x), x);
    checkBothPaths(() -> leakyRelu(x, 0.2f), x);
    checkBothPaths(() -> tanh(x), x);
    checkBothPaths(() -> sigmoid(x), x);
  }

  @Test
  void dropoutGradientMatchesFiniteDifferencesForAFixedMask() {
    Tensor x = param(Rng.seeded(11), -1f, 1f, false, 5, 8);
    check(() -> dropout(x, 0.3f, Rng.seeded(5)), x);              // same seed: same mask each evaluation
  }

  @Test
  void shapeOpGradientsMatchFiniteDifferences() {
    Rng rng = Rng.seeded(12);
    Tensor x = param(rng, -1f, 1f, false, 2, 3, 4), y = param(rng, -1f, 1f, false, 2, 2, 4);
    checkBothPaths(() -> reshape(x, Shape.of(6, 4)), x);
    checkBothPaths(() -> flatten(x), x);
    checkBothPaths(() -> concat(List.of(x, y), 1), x, y);
    check(() -> narrow(x, 1, 1, 2), x);
    Tensor img = param(rng, -1f, 1f, false, 2, 3, 3, 2);
    check(() -> upsampleNearest(img, 2), img);
  }

  @Test
  void embeddingGradientScattersIntoTheRowsUsed() {
    Tensor w = param(Rng.seeded(13), -1f, 1f, false, 5, 3);
    check(() -> embedding(w, new int[] {4, 0, 4, 2}), w);          // a repeated index accumulates
  }

  @Test
  void batchNormGradientsMatchFiniteDifferencesInTrainingAndEvaluation() {
    Rng rng = Rng.seeded(14);
    Tensor x = param(rng, -1f, 1f, false, 4, 3, 2, 3), gamma = param(rng, 0.5f, 1.5f, false, 3);
    Tensor beta = param(rng, -1f, 1f, false, 3);
    Tensor rm = Tensor.zeros(3), rv = Tensor.ones(3);
    check(() -> batchNormTrain(x, gamma, beta, Tensor.zeros(3), Tensor.ones(3), 0.1f, 1e-5f), x, gamma, beta);
    Tensor x1 = param(rng, -1f, 1f, false, 6, 5), g1 = param(rng, 0.5f, 1.5f, false, 5);
    check(() -> batchNormTrain(x1, g1, null, Tensor.zeros(5), Tensor.ones(5), 0.1f, 1e-5f), x1, g1);
    Tensor rmEval = Tensor.uniform(rng, -0.2f, 0.2f, 3), rvEval = Tensor.uniform(rng, 0.5f, 1.5f, 3);
    check(() -> batchNormEval(x, gamma, beta, rmEval, rvEval, 1e-5f), x, gamma, beta);
  }

  @Test
  void fusedLossGradientsMatchFiniteDifferences() {
    Rng rng = Rng.seeded(15);
    Tensor logits = param(rng, -3f, 3f, false, 6, 4);
    Tensor targets = Tensor.uniform(rng, 0f, 1f, 6, 4);
    assertMatches(() -> LossOps.bceWithLogits(logits, targets), List.of(logits), EPS, TOL);
    Tensor soft = Tensor.uniform(rng, 0f, 1f, 6, 4);
    assertMatches(() -> LossOps.crossEntropy(logits, soft), List.of(logits), EPS, TOL);
  }
}
