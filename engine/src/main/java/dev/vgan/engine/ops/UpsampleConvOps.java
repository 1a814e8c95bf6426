package dev.vgan.engine.ops;

import static dev.vgan.engine.ops.OpSupport.require;
import static dev.vgan.engine.ops.OpSupport.send;

import dev.vgan.engine.core.Autograd;
import dev.vgan.engine.core.Shape;
import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.kernel.EngineProperties;
import dev.vgan.engine.kernel.Parallel;

/**
 * Nearest ×2 upsampling followed by a stride-1 "same" convolution (kernel {@code K = 2P + 1}, padding P),
 * computed as one convolution of the small image — a sub-pixel convolution. An output pixel's phase
 * {@code (y mod 2, x mod 2)} fixes which pixels of the small image its K×K window covers: a KP×KP
 * neighbourhood, {@code KP = 2⌈P/2⌉ + 1}, the taps that land on the same small pixel summed. So the kernel
 * folds into four KP×KP phase kernels, which run as one convolution with 4·O output channels, and a pixel
 * shuffle interleaves the phases. The function is the same (up to rounding: taps are summed before they
 * multiply); the arithmetic is {@code (KP/K)²} of it — 36% for the 5×5 layers of the Keras ACGAN (W4).
 *
 * <p>Every piece is an op with a recorded adjoint (the fold's adjoint sums phase gradients back onto the
 * taps; the shuffle's is the unshuffle), so gradients, second order included, come from the pieces.
 */
final class UpsampleConvOps {
  private UpsampleConvOps() {}

  /**
   * Whether the sub-pixel form is taken: a "same" kernel whose phase kernels are smaller, unless
   * {@link EngineProperties#FUSE_UPSAMPLE_CONV} turns it off.
   */
  static boolean pays(int kernel, int padding) {
    return EngineProperties.FUSE_UPSAMPLE_CONV && kernel == 2 * padding + 1 && phaseKernel(padding) < kernel;
  }

  /** {@code conv2d(upsampleNearest(x, 2), w, b, 1, padding)}; see the class comment. */
  static Tensor upsampleConv2d(Tensor x, Tensor w, Tensor b, int padding) {
    require(w.rank() == 4 && w.size(2) == w.size(3), "upsampleConv2d: weight %s must be (O, C, k, k)", w.shape());
    require(b == null || (b.rank() == 1 && b.size(0) == w.size(0)), "upsampleConv2d: bias %s does not match the %d "
        + "output channels", b == null ? null : b.shape(), w.size(0));
    if (!pays(w.size(2), padding)) {
      return ConvOps.conv2d(ShapeOps.upsampleNearest(x, 2), w, b, 1, padding);
    }
    // The bias goes in with the phase convolution, each value repeated for its channel's four phases, so the
    // convolution adds it in place: a bias op after the shuffle would copy the output and its gradient.
    Tensor phaseBias = b == null ? null : ReduceOps.broadcast(b, 1, b.size(0), 4, Shape.of(4 * b.size(0)));
    Tensor phases = ConvOps.conv2d(x, foldKernel(w, padding), phaseBias, 1, (phaseKernel(padding) - 1) / 2);
    return pixelShuffle(phases, 2);
  }

  private static int phaseKernel(int padding) {
    return 2 * ((padding + 1) / 2) + 1;
  }

  /**
   * {@code tap[phase][k]}: the row (or column) of the KP×KP phase kernel that tap k of the K×K kernel
   * lands on, for output phase 0 or 1. Output row {@code 2q + phase} reads upsampled row
   * {@code 2q + phase + k − P}, which is small-image row {@code q + ⌊(phase + k − P) / 2⌋}.
   */
  private static int[][] taps(int kernel, int padding) {
    int half = (phaseKernel(padding) - 1) / 2;
    int[][] tap = new int[2][kernel];
    for (int phase = 0; phase < 2; phase++) {
      for (int k = 0; k < kernel; k++) {
        tap[phase][k] = Math.floorDiv(phase + k - padding, 2) + half;
      }
    }
    return tap;
  }

  /** The four phase kernels of {@code w (O, C, K, K)}: {@code (4·O, C, KP, KP)}, channel {@code 4o + 2py + px}. */
  static Tensor foldKernel(Tensor w, int padding) {
    int o = w.size(0), c = w.size(1), kernel = w.size(2), kp = phaseKernel(padding);
    Tensor folded = Tensor.zeros(4 * o, c, kp, kp);
    fold(w.data(), folded.data(), o, c, kernel, padding, true);
    return Autograd.record("foldKernel", folded,
        (gy, g) -> {
          if (g.wants(w)) {
            fold(g.of(w).data(), gy.data(), o, c, kernel, padding, false);
          }
        },
        (gy, g) -> send(g, w, () -> unfoldKernel(gy, w.shape(), padding)),
        w);
  }

  /** The adjoint of {@link #foldKernel}: phase-kernel gradients summed back onto the taps, shaped {@code wShape}. */
  static Tensor unfoldKernel(Tensor folded, Shape wShape, int padding) {
    int o = wShape.dim(0), c = wShape.dim(1), kernel = wShape.dim(2);
    Tensor w = Tensor.zeros(wShape);
    fold(w.data(), folded.data(), o, c, kernel, padding, false);
    return Autograd.record("unfoldKernel", w,
        (gy, g) -> {
          if (g.wants(folded)) {
            fold(gy.data(), g.of(folded).data(), o, c, kernel, padding, true);
          }
        },
        (gy, g) -> send(g, folded, () -> foldKernel(gy, padding)),
        folded);
  }

  /**
   * The fold and its adjoint in one loop over every (tap, phase) pair: {@code folded += fold(w)} when
   * {@code forward}, else {@code w += foldᵀ(folded)}. Kernel {@code (o, c)} of phase φ is folded kernel
   * {@code (4o + φ, c)}.
   */
  private static void fold(float[] w, float[] folded, int outChannels, int channels, int kernel, int padding,
      boolean forward) {
    int kp = phaseKernel(padding);
    int[][] tap = taps(kernel, padding);
    for (int o = 0; o < outChannels; o++) {
      for (int c = 0; c < channels; c++) {
        int wBase = (o * channels + c) * kernel * kernel;
        for (int phase = 0; phase < 4; phase++) {
          int fBase = ((4 * o + phase) * channels + c) * kp * kp;
          int[] rows = tap[phase / 2], cols = tap[phase % 2];
          for (int ky = 0; ky < kernel; ky++) {
            for (int kx = 0; kx < kernel; kx++) {
              int wi = wBase + ky * kernel + kx, fi = fBase + rows[ky] * kp + cols[kx];
              if (forward) {
                folded[fi] += w[wi];
              } else {
                w[wi] += folded[fi];
              }
            }
          }
        }
      }
    }
  }

  /**
   * {@code torch.nn.functional.pixel_shuffle}: {@code (N, C·r², H, W) → (N, C, r·H, r·W)}, output
   * {@code (n, c, r·q + py, r·s + px)} = input {@code (n, c·r² + py·r + px, q, s)}.
   */
  static Tensor pixelShuffle(Tensor x, int r) {
    require(x.rank() == 4 && r >= 1 && x.size(1) % (r * r) == 0,
        "pixelShuffle: need (N, C·%d, H, W), got %s", r * r, x.shape());
    int n = x.size(0), c = x.size(1) / (r * r), h = x.size(2), w = x.size(3);
    Tensor y = Tensor.empty(Shape.of(n, c, h * r, w * r));
    shuffle(x.data(), y.data(), n * c, r, h, w, true, false);
    return Autograd.record("pixelShuffle", y,
        (gy, g) -> {
          if (g.wants(x)) {
            shuffle(g.of(x).data(), gy.data(), n * c, r, h, w, false, true);
          }
        },
        (gy, g) -> send(g, x, () -> pixelUnshuffle(gy, r)),
        x);
  }

  /** The inverse (and adjoint) of {@link #pixelShuffle}: {@code (N, C, r·H, r·W) → (N, C·r², H, W)}. */
  static Tensor pixelUnshuffle(Tensor x, int r) {
    require(x.rank() == 4 && r >= 1 && x.size(2) % r == 0 && x.size(3) % r == 0,
        "pixelUnshuffle: need (N, C, H·%d, W·%d), got %s", r, r, x.shape());
    int n = x.size(0), c = x.size(1), h = x.size(2) / r, w = x.size(3) / r;
    Tensor y = Tensor.empty(Shape.of(n, c * r * r, h, w));
    shuffle(y.data(), x.data(), n * c, r, h, w, false, false);
    return Autograd.record("pixelUnshuffle", y,
        (gy, g) -> {
          if (g.wants(x)) {
            shuffle(gy.data(), g.of(x).data(), n * c, r, h, w, true, true);
          }
        },
        (gy, g) -> send(g, x, () -> pixelShuffle(gy, r)),
        x);
  }

  /**
   * Moves values between the stacked layout {@code small (planes·r², H, W)} and the interleaved one
   * {@code big (planes, r·H, r·W)}: into big when {@code toBig}, else into small; added to what is there
   * when {@code add}, else written. Planes in parallel.
   */
  private static void shuffle(float[] small, float[] big, int planes, int r, int h, int w, boolean toBig,
      boolean add) {
    Parallel.forRange(planes, 1, Parallel.threads(), (p0, p1) -> {
      for (int p = p0; p < p1; p++) {
        for (int py = 0; py < r; py++) {
          for (int px = 0; px < r; px++) {
            int from = ((p * r + py) * r + px) * h * w;
            for (int q = 0; q < h; q++) {
              int row = (p * h * r + q * r + py) * w * r + px, at = from + q * w;
              for (int s = 0; s < w; s++) {   // toBig and add are fixed per call: the JIT unswitches them
                if (toBig) {
                  big[row + s * r] = add ? big[row + s * r] + small[at + s] : small[at + s];
                } else {
                  small[at + s] = add ? small[at + s] + big[row + s * r] : big[row + s * r];
                }
              }
            }
          }
        }
      }
    });
  }
}
