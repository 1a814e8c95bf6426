package dev.vgan.engine.ops;

import static dev.vgan.engine.ops.OpSupport.k;
import static dev.vgan.engine.ops.OpSupport.require;
import static dev.vgan.engine.ops.OpSupport.send;

import dev.vgan.engine.core.Autograd;
import dev.vgan.engine.core.Node;
import dev.vgan.engine.core.Shape;
import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.kernel.ConvGeometry;
import dev.vgan.engine.kernel.ConvLowering;

/**
 * Conv2d and ConvTranspose2d, NCHW, PyTorch weight layouts. Both are built from three bilinear maps of
 * one convolution geometry {@code g} with {@code o} output channels:
 *
 * <pre>
 *   conv(img, w)    (N, C, H, W)   -> (N, o, OH, OW)     the convolution
 *   convT(small, w) (N, o, OH, OW) -> (N, C, H, W)       its adjoint in the image
 *   convW(img, small)              -> w (o, C, kh, kw)   its adjoint in the weight
 * </pre>
 *
 * The gradient of each is the other two, so the set is closed under differentiation and every path
 * records for second order. ConvTranspose2d's forward is {@code convT}.
 */
public final class ConvOps {
  private ConvOps() {}

  /**
   * {@code torch.nn.functional.conv2d} with square stride and padding.
   *
   * <p>Shape: {@code x (N, C, H, W)}, {@code w (O, C, kh, kw)}, {@code b (O)} or null →
   * {@code (N, O, (H + 2p − kh) / s + 1, (W + 2p − kw) / s + 1)}.
   */
  public static Tensor conv2d(Tensor x, Tensor w, Tensor b, int stride, int padding) {
    require(x.rank() == 4 && w.rank() == 4, "conv2d: input %s and weight %s must both be 4-d", x.shape(), w.shape());
    require(x.size(1) == w.size(1), "conv2d: input %s has %d channels but weight %s expects %d",
        x.shape(), x.size(1), w.shape(), w.size(1));
    ConvGeometry g = new ConvGeometry(x.size(1), x.size(2), x.size(3), w.size(2), w.size(3),
        stride, stride, padding, padding, 1, 1);
    return conv(x, w, b, g, w.size(0));
  }

  /**
   * {@code torch.nn.functional.conv_transpose2d} with square stride and padding.
   *
   * <p>Shape: {@code x (N, Cin, H, W)}, {@code w (Cin, Cout, kh, kw)}, {@code b (Cout)} or null →
   * {@code (N, Cout, (H − 1)·s − 2p + kh + outputPadding, ...)}.
   */
  public static Tensor convTranspose2d(Tensor x, Tensor w, Tensor b, int stride, int padding, int outputPadding) {
    require(x.rank() == 4 && w.rank() == 4, "convTranspose2d: input %s and weight %s must both be 4-d",
        x.shape(), w.shape());
    require(x.size(1) == w.size(0), "convTranspose2d: input %s has %d channels but weight %s expects %d",
        x.shape(), x.size(1), w.shape(), w.size(0));
    require(outputPadding >= 0 && outputPadding < stride,
        "convTranspose2d: output padding %d must be smaller than stride %d", outputPadding, stride);
    int oh = (x.size(2) - 1) * stride - 2 * padding + w.size(2) + outputPadding;
    int ow = (x.size(3) - 1) * stride - 2 * padding + w.size(3) + outputPadding;
    require(oh >= 1 && ow >= 1, "convTranspose2d: input %s with weight %s gives an empty output", x.shape(), w.shape());
    ConvGeometry g = new ConvGeometry(w.size(1), oh, ow, w.size(2), w.size(3), stride, stride, padding, padding, 1, 1);
    return convT(x, w, b, g, w.size(0));
  }

  private static Shape imageShape(int n, ConvGeometry g) {
    return Shape.of(n, g.channels(), g.height(), g.width());
  }

  private static Shape smallShape(int n, ConvGeometry g, int o) {
    return Shape.of(n, o, g.outHeight(), g.outWidth());
  }

  /** The convolution of {@code img (N, C, H, W)} with {@code w (o, C·kh·kw)}. */
  static Tensor conv(Tensor img, Tensor w, ConvGeometry g, int o) {
    return conv(img, w, null, g, o);
  }

  /** {@link #conv} plus a per-channel bias {@code b (o)}, or none when null. */
  private static Tensor conv(Tensor img, Tensor w, Tensor b, ConvGeometry g, int o) {
    checkBias(b, o);
    int n = img.size(0);
    Tensor y = Tensor.empty(smallShape(n, g, o));
    ConvLowering.forward(k(), g, n, o, img.data(), 0, w.data(), 0, y.data(), 0);
    addBias(y, b);
    return Autograd.record("conv2d", y,
        (gy, gr) -> {
          addBiasGradient(gy, b, gr);
          if (gr.wants(img)) {
            Node.Target dx = gr.target(img);
            ConvLowering.backwardData(k(), g, n, o, w.data(), 0, gy.data(), 0, dx.data(), 0, dx.add());
          }
          if (gr.wants(w)) {
            ConvLowering.backwardWeight(k(), g, n, o, img.data(), 0, gy.data(), 0, gr.of(w).data(), 0);
          }
        },
        (gy, gr) -> {
          send(gr, img, () -> convT(gy, w, g, o));
          send(gr, w, () -> convW(img, gy, g, o, w.shape()));
          sendBiasGradient(gy, b, gr);
        },
        img, w, b);
  }

  /** The adjoint of {@link #conv} in the image: {@code small (N, o, OH, OW)} to {@code (N, C, H, W)}. */
  static Tensor convT(Tensor small, Tensor w, ConvGeometry g, int o) {
    return convT(small, w, null, g, o);
  }

  /** {@link #convT} plus a per-channel bias {@code b (C)}, or none when null. */
  private static Tensor convT(Tensor small, Tensor w, Tensor b, ConvGeometry g, int o) {
    checkBias(b, g.channels());
    int n = small.size(0);
    Tensor y = Tensor.empty(imageShape(n, g));
    ConvLowering.backwardData(k(), g, n, o, w.data(), 0, small.data(), 0, y.data(), 0, false);
    addBias(y, b);
    return Autograd.record("convTranspose2d", y,
        (gy, gr) -> {
          addBiasGradient(gy, b, gr);
          if (gr.wants(small)) {     // d small = conv(gy, w)
            Node.Target ds = gr.target(small);
            ConvLowering.forward(k(), g, n, o, gy.data(), 0, w.data(), 0, ds.data(), 0, ds.add());
          }
          if (gr.wants(w)) {         // d w += Σ small · im2col(gy)ᵀ
            ConvLowering.backwardWeight(k(), g, n, o, gy.data(), 0, small.data(), 0, gr.of(w).data(), 0);
          }
        },
        (gy, gr) -> {
          send(gr, small, () -> conv(gy, w, g, o));
          send(gr, w, () -> convW(gy, small, g, o, w.shape()));
          sendBiasGradient(gy, b, gr);
        },
        small, w, b);
  }

  // The bias is added in place on the layer's fresh output, inside the convolution's own node: a separate
  // bias op would copy the output, and its backward would copy the gradient, once per layer and step.

  /** Checks that b, when there is one, has one value per output channel; before any work is done. */
  private static void checkBias(Tensor b, int channels) {
    require(b == null || (b.rank() == 1 && b.size(0) == channels), "bias: %s does not match the %d output channels",
        b == null ? null : b.shape(), channels);
  }

  /** {@code y (N, C, ...) += b (C)} broadcast over batch and space; nothing when b is null. */
  private static void addBias(Tensor y, Tensor b) {
    if (b != null) {
      ReduceOps.addBroadcast(b.data(), y.size(0), y.size(1), pixels(y), y.data());
    }
  }

  /** {@code db += Σ gy} over batch and space, when b is wanted. */
  private static void addBiasGradient(Tensor gy, Tensor b, Node.Gradients gr) {
    if (b != null && gr.wants(b)) {
      ReduceOps.addSums(gy.data(), gy.size(0), gy.size(1), pixels(gy), gr.of(b).data());
    }
  }

  /** Values per image and channel of an {@code (N, C, H, W)} tensor (0 for an empty batch). */
  private static int pixels(Tensor t) {
    return t.numel() / Math.max(1, t.size(0) * t.size(1));
  }

  /** The recorded form of {@link #addBiasGradient}, for gradients of gradients. */
  private static void sendBiasGradient(Tensor gy, Tensor b, Node.GraphGradients gr) {
    send(gr, b, () -> ReduceOps.sumChannels(gy));
  }

  /** The adjoint of {@link #conv} in the weight: {@code Σₙ smallₙ · im2col(imgₙ)ᵀ}, shaped {@code wShape}. */
  static Tensor convW(Tensor img, Tensor small, ConvGeometry g, int o, Shape wShape) {
    int n = img.size(0);
    Tensor y = Tensor.zeros(wShape);
    ConvLowering.backwardWeight(k(), g, n, o, img.data(), 0, small.data(), 0, y.data(), 0);
    return Autograd.record("conv2dWeightGrad", y,
        (gy, gr) -> {
          if (gr.wants(img)) {
            ConvLowering.backwardData(k(), g, n, o, gy.data(), 0, small.data(), 0, gr.of(img).data(), 0);
          }
          if (gr.wants(small)) {
            ConvLowering.forward(k(), g, n, o, img.data(), 0, gy.data(), 0, gr.of(small).data(), 0, true);
          }
        },
        (gy, gr) -> {
          send(gr, img, () -> convT(small, gy, g, o));
          send(gr, small, () -> conv(img, gy, g, o));
        },
        img, small);
  }
}
