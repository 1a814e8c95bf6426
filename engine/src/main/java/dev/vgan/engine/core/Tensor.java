package dev.vgan.engine.core;

import java.util.Arrays;

/**
 * A float32 tensor: a contiguous row-major {@code float[]} with a {@link Shape} (NCHW for images), and
 * what reverse-mode autograd needs — whether it requires a gradient, its gradient, and the {@link Node}
 * that made it. It holds no arithmetic: differentiable operations live in {@code ops.Ops}.
 *
 * <p>A <em>leaf</em> is a tensor no recorded operation made (inputs, parameters); its gradient
 * accumulates across {@code backward()} calls until {@link #zeroGrad()}. Gradients of intermediate
 * tensors are not kept.
 */
public final class Tensor {
  private final Shape shape;
  private final float[] data;
  private boolean requiresGrad;
  private Tensor grad;
  private Node node;

  private Tensor(Shape shape, float[] data) {
    if (data.length != shape.numel()) {
      throw new IllegalArgumentException("tensor: shape " + shape + " needs " + shape.numel()
          + " values, got " + data.length);
    }
    this.shape = shape;
    this.data = data;
  }

  /** Wraps {@code data} (not copied) as a tensor of the given shape. */
  public static Tensor of(float[] data, Shape shape) {
    return new Tensor(shape, data);
  }

  /** Wraps {@code data} (not copied) as a tensor of the given dimensions. */
  public static Tensor of(float[] data, int... dims) {
    return new Tensor(Shape.of(dims), data);
  }

  /** A tensor of zeros (storage from the active {@link TensorArena}, if any). */
  public static Tensor zeros(Shape shape) {
    return new Tensor(shape, TensorArena.allocate(shape.numel(), true));
  }

  /**
   * A tensor whose contents are unspecified, for outputs that are written in full (storage from the
   * active {@link TensorArena}, if any, is not cleared).
   */
  public static Tensor empty(Shape shape) {
    return new Tensor(shape, TensorArena.allocate(shape.numel(), false));
  }

  /** A tensor of zeros that is never taken from a {@link TensorArena}: parameters, gradients, state. */
  public static Tensor persistent(Shape shape) {
    return new Tensor(shape, new float[shape.numel()]);
  }

  /** A tensor of zeros. */
  public static Tensor zeros(int... dims) {
    return zeros(Shape.of(dims));
  }

  /** A tensor filled with {@code value}. */
  public static Tensor full(float value, int... dims) {
    Tensor t = empty(Shape.of(dims));
    Arrays.fill(t.data, value);
    return t;
  }

  /** A tensor of ones. */
  public static Tensor ones(int... dims) {
    return full(1f, dims);
  }

  /** A scalar (shape {@code ()}) holding {@code value}. */
  public static Tensor scalar(float value) {
    return new Tensor(Shape.of(), new float[] {value});
  }

  /** Standard normal draws. */
  public static Tensor randn(Rng rng, int... dims) {
    Tensor t = empty(Shape.of(dims));
    rng.fillNormal(t.data, 0f, 1f);
    return t;
  }

  /** Uniform draws in [lo, hi). */
  public static Tensor uniform(Rng rng, float lo, float hi, int... dims) {
    Tensor t = empty(Shape.of(dims));
    rng.fillUniform(t.data, lo, hi);
    return t;
  }

  /** The shape. */
  public Shape shape() {
    return shape;
  }

  /** The size of dimension {@code i} (negative counts from the end). */
  public int size(int i) {
    return shape.dim(i);
  }

  /** The number of dimensions. */
  public int rank() {
    return shape.rank();
  }

  /** The number of elements. */
  public int numel() {
    return data.length;
  }

  /** The backing array, row-major. Writing to it bypasses autograd. */
  public float[] data() {
    return data;
  }

  /** The value of a one-element tensor. */
  public float item() {
    if (data.length != 1) {
      throw new IllegalStateException("item: tensor " + shape + " has " + data.length + " elements, not 1");
    }
    return data[0];
  }

  /** Whether gradients flow to this tensor. */
  public boolean requiresGrad() {
    return requiresGrad;
  }

  /** Marks a leaf as needing a gradient (parameters, or inputs of a gradient penalty); returns this. */
  public Tensor requiresGrad(boolean value) {
    if (node != null) {
      throw new IllegalStateException("requiresGrad: only a leaf can be marked; this tensor " + shape
          + " was made by " + node.name() + " (detach() it first)");
    }
    this.requiresGrad = value;
    return this;
  }

  /** True when no recorded operation made this tensor. */
  public boolean isLeaf() {
    return node == null;
  }

  /** The accumulated gradient of a leaf, or null before the first backward pass. */
  public Tensor grad() {
    return grad;
  }

  /** This leaf's gradient buffer, created as zeros on first use. */
  public Tensor gradBuffer() {
    if (grad == null) {
      grad = persistent(shape);
    }
    return grad;
  }

  /** Sets the gradient to zero, keeping its buffer so a training step allocates nothing for it. */
  public void zeroGrad() {
    if (grad != null) {
      Arrays.fill(grad.data, 0f);
    }
  }

  /** A leaf sharing this tensor's data, cut from the graph: gradients stop here. */
  public Tensor detach() {
    return new Tensor(shape, data);
  }

  /** A new leaf with a copy of the data. */
  public Tensor copy() {
    Tensor t = empty(shape);
    System.arraycopy(data, 0, t.data, 0, data.length);
    return t;
  }

  /** The operation that made this tensor, or null for a leaf. */
  public Node node() {
    return node;
  }

  void attach(Node n) {
    this.node = n;
    this.requiresGrad = true;
  }

  /** Back-propagates from this one-element tensor (seed 1) into every leaf that requires a gradient. */
  public void backward() {
    if (data.length != 1) {
      throw new IllegalStateException("backward: tensor " + shape
          + " is not a scalar; pass the gradient of the loss with respect to it");
    }
    Autograd.backward(this, full(1f, shape.dims()));
  }

  /** Back-propagates with {@code gradient} (same shape) as d(loss)/d(this). */
  public void backward(Tensor gradient) {
    Autograd.backward(this, gradient);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("Tensor").append(shape).append(" [");
    for (int i = 0; i < Math.min(data.length, 8); i++) {
      b.append(i == 0 ? "" : ", ").append(data[i]);
    }
    return b.append(data.length > 8 ? ", ...]" : "]").toString();
  }
}
