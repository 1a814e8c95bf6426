package dev.vgan.engine.core;

import java.util.Arrays;

/**
 * An immutable tensor shape: the sizes of each dimension, outermost first (row-major, NCHW for images).
 * {@code toString()} prints {@code (2, 3, 7, 5)} so error messages read well.
 */
public final class Shape {
  private static final Shape SCALAR = new Shape(new int[0]);
  private final int[] dims;
  private final int numel;

  private Shape(int[] dims) {
    long n = 1;
    for (int d : dims) {
      if (d < 0) {
        throw new IllegalArgumentException("shape: negative dimension in " + Arrays.toString(dims));
      }
      n *= d;
      if (n > Integer.MAX_VALUE - 16) {
        throw new IllegalArgumentException("shape: " + Arrays.toString(dims) + " has more than 2^31 elements");
      }
    }
    this.dims = dims;
    this.numel = (int) n;
  }

  /** A shape with the given dimensions; {@code of()} is a scalar. */
  public static Shape of(int... dims) {
    return dims.length == 0 ? SCALAR : new Shape(dims.clone());
  }

  /** The number of dimensions. */
  public int rank() {
    return dims.length;
  }

  /** The size of dimension {@code i}; negative {@code i} counts from the end, as in PyTorch. */
  public int dim(int i) {
    int j = i < 0 ? dims.length + i : i;
    if (j < 0 || j >= dims.length) {
      throw new IndexOutOfBoundsException("shape " + this + " has no dimension " + i);
    }
    return dims[j];
  }

  /** The total number of elements (1 for a scalar). */
  public int numel() {
    return numel;
  }

  /** A copy of the dimensions. */
  public int[] dims() {
    return dims.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Shape s && Arrays.equals(dims, s.dims);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(dims);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("(");
    for (int i = 0; i < dims.length; i++) {
      b.append(i == 0 ? "" : ", ").append(dims[i]);
    }
    return b.append(dims.length == 1 ? ",)" : ")").toString();
  }
}
