package dev.vgan.engine.kernel;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Weights packed once and kept, for a model whose weights no longer change: serving a trained generator.
 * Inside {@link #run}, a convolution packs its weight for the GEMM the first time it meets it and reuses the
 * packed copy on every later call through this object, instead of packing it again per call (a
 * ConvTranspose2d(256, 128) weight is 2 MB: at batch 1 the packing was a third of that layer's time). The
 * packed copy gives the same bits as packing afresh.
 *
 * <p>The caller promises that the weights' values do not change while this object is in use, since the
 * engine cannot see writes into a tensor's array: after changing them (an optimizer step, loading a
 * checkpoint), call {@link #clear}, or use a new instance. Entries hold the weight arrays they were packed
 * from, so the object should live no longer than the model it serves.
 */
public final class FrozenWeights {
  private static final ThreadLocal<FrozenWeights> ACTIVE = new ThreadLocal<>();

  /** A weight as a GEMM's left operand: the array by identity, where it starts, and how it is read. */
  private record Key(float[] weight, int offset, boolean transposed, int m, int depth, int ld,
      KernelBackend backend) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.weight == weight && k.offset == offset && k.transposed == transposed
          && k.m == m && k.depth == depth && k.ld == ld && k.backend == backend;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(weight) * 31 + offset;
    }
  }

  private final Map<Key, GemmLeft> packed = new ConcurrentHashMap<>();

  /** Runs {@code computation} on this thread with this object's packed weights; scopes nest. */
  public <T> T run(Supplier<T> computation) {
    FrozenWeights outer = ACTIVE.get();
    ACTIVE.set(this);
    try {
      return computation.get();
    } finally {
      ACTIVE.set(outer);
    }
  }

  /** Forgets every packed weight: the next calls pack the current values. */
  public void clear() {
    packed.clear();
  }

  /** How many weights are kept packed. */
  public int size() {
    return packed.size();
  }

  /**
   * The kept left operand {@code op(W)[m×depth]} (W stored with rows of {@code ld} floats from {@code w[wOff]},
   * transposed or not) of the object whose {@link #run} is active on this thread, packed on first use; null
   * outside such a scope.
   */
  static GemmLeft lookup(KernelBackend k, boolean transposed, int m, int depth, float[] w, int wOff, int ld) {
    FrozenWeights active = ACTIVE.get();
    if (active == null) {
      return null;
    }
    return active.packed.computeIfAbsent(new Key(w, wOff, transposed, m, depth, ld, k),
        key -> k.keepLeft(transposed, m, depth, w, wOff, ld));
  }
}
