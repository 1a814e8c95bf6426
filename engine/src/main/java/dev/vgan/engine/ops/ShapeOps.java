package dev.vgan.engine.ops;

import static dev.vgan.engine.ops.OpSupport.accumulate;
import static dev.vgan.engine.ops.OpSupport.k;
import static dev.vgan.engine.ops.OpSupport.require;
import static dev.vgan.engine.ops.OpSupport.send;

import dev.vgan.engine.core.Autograd;
import dev.vgan.engine.core.Shape;
import dev.vgan.engine.core.Tensor;
import java.util.List;

/** Views and copies that move elements without arithmetic: reshape, flatten, concat, narrow, upsample. */
public final class ShapeOps {
  private ShapeOps() {}

  /** The same elements in a new shape (the data is shared, not copied). */
  public static Tensor reshape(Tensor x, Shape shape) {
    require(shape.numel() == x.numel(), "reshape: cannot view %s (%d elements) as %s", x.shape(), x.numel(), shape);
    Tensor y = Tensor.of(x.data(), shape);
    return Autograd.record("reshape", y,
        (gy, g) -> accumulate(g, x, gy, 1f),
        (gy, g) -> send(g, x, () -> reshape(gy, x.shape())),
        x);
  }

  /** {@code (N, ...)} to {@code (N, rest)}, as {@code nn.Flatten}. */
  public static Tensor flatten(Tensor x) {
    require(x.rank() >= 1, "flatten: scalar tensor");
    int n = x.size(0);
    return reshape(x, Shape.of(n, n == 0 ? 0 : x.numel() / n));
  }

  /** Joins tensors along {@code dim}; all other dimensions must agree. */
  public static Tensor concat(List<Tensor> parts, int dim) {
    require(!parts.isEmpty(), "concat: no tensors");
    int[] dims = parts.get(0).shape().dims();
    int d = dim < 0 ? dims.length + dim : dim;
    require(d >= 0 && d < dims.length, "concat: tensor %s has no dimension %d", parts.get(0).shape(), dim);
    int total = 0;
    for (Tensor p : parts) {
      int[] pd = p.shape().dims();
      boolean same = pd.length == dims.length;
      for (int i = 0; same && i < pd.length; i++) {
        same = i == d || pd[i] == dims[i];
      }
      require(same, "concat: %s does not match %s outside dimension %d", p.shape(), parts.get(0).shape(), dim);
      total += pd[d];
    }
    int outer = 1, inner = 1;
    for (int i = 0; i < d; i++) {
      outer *= dims[i];
    }
    for (int i = d + 1; i < dims.length; i++) {
      inner *= dims[i];
    }
    dims[d] = total;
    Tensor y = Tensor.empty(Shape.of(dims));
    int rowOut = total * inner;
    int at = 0;
    for (Tensor p : parts) {
      int rowIn = p.size(d) * inner;
      for (int o = 0; o < outer; o++) {
        System.arraycopy(p.data(), o * rowIn, y.data(), o * rowOut + at, rowIn);
      }
      at += rowIn;
    }
    Tensor[] inputs = parts.toArray(new Tensor[0]);
    final int o1 = outer, in1 = inner;
    return Autograd.record("concat", y,
        (gy, g) -> {
          int start = 0;
          for (Tensor p : inputs) {
            int rowIn = p.size(d) * in1;
            if (g.wants(p)) {
              float[] gp = g.of(p).data();
              for (int o = 0; o < o1; o++) {
                k().axpy(1f, gy.data(), o * rowOut + start, gp, o * rowIn, rowIn);
              }
            }
            start += rowIn;
          }
        },
        (gy, g) -> {
          int start = 0;
          for (Tensor p : inputs) {
            int s = start;
            send(g, p, () -> narrow(gy, d, s, p.size(d)));
            start += p.size(d);
          }
        },
        inputs);
  }

  /** Elements {@code start .. start+length} of dimension {@code dim} (a copy). */
  public static Tensor narrow(Tensor x, int dim, int start, int length) {
    int[] dims = x.shape().dims();
    int d = dim < 0 ? dims.length + dim : dim;
    require(d >= 0 && d < dims.length && start >= 0 && length >= 0 && start + length <= dims[d],
        "narrow: cannot take %d..%d of dimension %d of %s", start, start + length, dim, x.shape());
    int outer = 1, inner = 1;
    for (int i = 0; i < d; i++) {
      outer *= dims[i];
    }
    for (int i = d + 1; i < dims.length; i++) {
      inner *= dims[i];
    }
    int rowIn = dims[d] * inner, rowOut = length * inner, skip = start * inner;
    dims[d] = length;
    Tensor y = Tensor.empty(Shape.of(dims));
    for (int o = 0; o < outer; o++) {
      System.arraycopy(x.data(), o * rowIn + skip, y.data(), o * rowOut, rowOut);
    }
    final int o1 = outer;
    return Autograd.record("narrow", y,
        (gy, g) -> {
          if (g.wants(x)) {
            float[] gx = g.of(x).data();
            for (int o = 0; o < o1; o++) {
              k().axpy(1f, gy.data(), o * rowOut, gx, o * rowIn + skip, rowOut);
            }
          }
        },
        null,
        x);
  }

  /** Nearest-neighbour upsampling of {@code x (N, C, H, W)} by an integer factor: {@code (N, C, fH, fW)}. */
  public static Tensor upsampleNearest(Tensor x, int factor) {
    require(x.rank() == 4 && factor >= 1, "upsampleNearest: need (N, C, H, W) and factor >= 1, got %s and %d",
        x.shape(), factor);
    int planes = x.size(0) * x.size(1), h = x.size(2), w = x.size(3);
    Tensor y = Tensor.empty(Shape.of(x.size(0), x.size(1), h * factor, w * factor));
    k().upsampleNearest(x.data(), 0, planes, h, w, factor, y.data(), 0);
    return Autograd.record("upsampleNearest", y,
        (gy, g) -> {
          if (g.wants(x)) {
            k().upsampleNearestBackward(gy.data(), 0, planes, h, w, factor, g.of(x).data(), 0);
          }
        },
        null,
        x);
  }
}
