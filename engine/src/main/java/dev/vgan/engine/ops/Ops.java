package dev.vgan.engine.ops;

import dev.vgan.engine.core.Rng;
import dev.vgan.engine.core.Shape;
import dev.vgan.engine.core.Tensor;
import java.util.List;

/**
 * Every differentiable operation in one place, named as in {@code torch.nn.functional}; use with
 * {@code import static dev.vgan.engine.ops.Ops.*}. Each method delegates to its family class, where
 * the backward sits beside the forward.
 */
public final class Ops {
  private Ops() {}

  // ---- elementwise (ElementwiseOps) -------------------------------------------------------------

  /** {@code a + b}. */
  public static Tensor add(Tensor a, Tensor b) {
    return ElementwiseOps.add(a, b);
  }

  /** {@code a − b}. */
  public static Tensor sub(Tensor a, Tensor b) {
    return ElementwiseOps.sub(a, b);
  }

  /** {@code a ⊙ b}. */
  public static Tensor mul(Tensor a, Tensor b) {
    return ElementwiseOps.mul(a, b);
  }

  /** {@code a / b}. */
  public static Tensor div(Tensor a, Tensor b) {
    return ElementwiseOps.div(a, b);
  }

  /** {@code s · a}. */
  public static Tensor mul(Tensor a, float s) {
    return ElementwiseOps.mulScalar(a, s);
  }

  /** {@code a + s}. */
  public static Tensor add(Tensor a, float s) {
    return ElementwiseOps.addScalar(a, s);
  }

  /** {@code a · s} for a one-element tensor {@code s}. */
  public static Tensor scaleBy(Tensor a, Tensor s) {
    return ElementwiseOps.scaleBy(a, s);
  }

  /** {@code a²}. */
  public static Tensor square(Tensor a) {
    return ElementwiseOps.square(a);
  }

  /** {@code √a}. */
  public static Tensor sqrt(Tensor a) {
    return ElementwiseOps.sqrt(a);
  }

  /** {@code ln a}. */
  public static Tensor log(Tensor a) {
    return ElementwiseOps.log(a);
  }

  /** {@code eᵃ}. */
  public static Tensor exp(Tensor a) {
    return ElementwiseOps.exp(a);
  }

  // ---- reductions (ReduceOps) -------------------------------------------------------------------

  /** Sum of all elements. */
  public static Tensor sum(Tensor x) {
    return ReduceOps.sum(x);
  }

  /** Sum over the first or last dimension, which is removed. */
  public static Tensor sum(Tensor x, int dim) {
    return ReduceOps.sum(x, dim);
  }

  /** Mean of all elements. */
  public static Tensor mean(Tensor x) {
    return ReduceOps.mean(x);
  }

  // ---- products, convolutions, normalization ----------------------------------------------------

  /** {@code a · b}. */
  public static Tensor matmul(Tensor a, Tensor b) {
    return MatMulOps.matmul(a, b);
  }

  /** {@code x · Wᵀ + b}. */
  public static Tensor linear(Tensor x, Tensor w, Tensor b) {
    return MatMulOps.linear(x, w, b);
  }

  /** 2-d convolution, NCHW. */
  public static Tensor conv2d(Tensor x, Tensor w, Tensor b, int stride, int padding) {
    return ConvOps.conv2d(x, w, b, stride, padding);
  }

  /**
   * {@code conv2d(upsampleNearest(x, 2), w, b, 1, padding)}, computed as one sub-pixel convolution of x
   * when the kernel is "same" ({@code k = 2·padding + 1}) and that saves arithmetic (5×5: 36% of it),
   * else as written.
   */
  public static Tensor upsampleConv2d(Tensor x, Tensor w, Tensor b, int padding) {
    return UpsampleConvOps.upsampleConv2d(x, w, b, padding);
  }

  /** Whether {@link #upsampleConv2d} takes the sub-pixel form for this kernel size and padding. */
  public static boolean upsampleConvFuses(int kernel, int padding) {
    return UpsampleConvOps.pays(kernel, padding);
  }

  /** {@code torch.nn.functional.pixel_shuffle}: {@code (N, C·r², H, W) → (N, C, r·H, r·W)}. */
  public static Tensor pixelShuffle(Tensor x, int r) {
    return UpsampleConvOps.pixelShuffle(x, r);
  }

  /** The inverse of {@link #pixelShuffle}. */
  public static Tensor pixelUnshuffle(Tensor x, int r) {
    return UpsampleConvOps.pixelUnshuffle(x, r);
  }

  /** 2-d transposed convolution, NCHW. */
  public static Tensor convTranspose2d(Tensor x, Tensor w, Tensor b, int stride, int padding, int outputPadding) {
    return ConvOps.convTranspose2d(x, w, b, stride, padding, outputPadding);
  }

  /** Batch norm with batch statistics, updating the running ones. */
  public static Tensor batchNormTrain(Tensor x, Tensor weight, Tensor bias, Tensor runningMean, Tensor runningVar,
      float momentum, float eps) {
    return NormOps.batchNormTrain(x, weight, bias, runningMean, runningVar, momentum, eps);
  }

  /** Batch norm with the running statistics. */
  public static Tensor batchNormEval(Tensor x, Tensor weight, Tensor bias, Tensor runningMean, Tensor runningVar,
      float eps) {
    return NormOps.batchNormEval(x, weight, bias, runningMean, runningVar, eps);
  }

  // ---- activations (ActivationOps) --------------------------------------------------------------

  /** {@code max(x, 0)}. */
  public static Tensor relu(Tensor x) {
    return ActivationOps.relu(x);
  }

  /** {@code x > 0 ? x : slope · x}. */
  public static Tensor leakyRelu(Tensor x, float slope) {
    return ActivationOps.leakyRelu(x, slope);
  }

  /** {@code tanh x}. */
  public static Tensor tanh(Tensor x) {
    return ActivationOps.tanh(x);
  }

  /** {@code 1 / (1 + e^−x)}. */
  public static Tensor sigmoid(Tensor x) {
    return ActivationOps.sigmoid(x);
  }

  /** Inverted dropout with probability {@code p}. */
  public static Tensor dropout(Tensor x, float p, Rng rng) {
    return ActivationOps.dropout(x, p, rng);
  }

  // ---- shapes and indices -----------------------------------------------------------------------

  /** The same data in another shape. */
  public static Tensor reshape(Tensor x, Shape shape) {
    return ShapeOps.reshape(x, shape);
  }

  /** {@code (N, ...)} to {@code (N, rest)}. */
  public static Tensor flatten(Tensor x) {
    return ShapeOps.flatten(x);
  }

  /** Joins along {@code dim}. */
  public static Tensor concat(List<Tensor> parts, int dim) {
    return ShapeOps.concat(parts, dim);
  }

  /** A slice of dimension {@code dim}. */
  public static Tensor narrow(Tensor x, int dim, int start, int length) {
    return ShapeOps.narrow(x, dim, start, length);
  }

  /** Nearest-neighbour upsampling by an integer factor. */
  public static Tensor upsampleNearest(Tensor x, int factor) {
    return ShapeOps.upsampleNearest(x, factor);
  }

  /** Rows of an embedding table. */
  public static Tensor embedding(Tensor weight, int[] indices) {
    return IndexOps.embedding(weight, indices);
  }

  /** One-hot rows (a constant). */
  public static Tensor oneHot(int[] labels, int classes) {
    return IndexOps.oneHot(labels, classes);
  }
}
