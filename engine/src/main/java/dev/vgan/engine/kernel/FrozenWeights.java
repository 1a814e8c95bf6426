package dev.vgan.engine.kernel;

import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Weights packed once and kept, for a model whose weights no longer change: serving a trained generator.
 * Inside {@link #run}, a convolution that takes {@link ConvLowering}'s im2col GEMMs (every strided one, and a
 * stride-1 one the direct route does not take) whose weight is one of the arrays this object was made with packs it
 * for the GEMM the first time and reuses the packed copy on every later call through this object, instead of
 * packing it again per call (a ConvTranspose2d(256, 128) weight is 2 MB: at batch 1 the packing was a third of
 * that layer's time). The packed copy gives the same bits as packing afresh. Stride-1 convolutions on the
 * direct route ({@code DirectConv}) and Linear layers still pack their weight per call: their GEMMs take no
 * prepared operand.
 *
 * <p>Only the arrays given are kept, never a weight computed during the call (a folded or normalized
 * kernel): its array may be new on every call, or recycled storage holding other values next time. The caller
 * promises that the given arrays' values do not change while this object is in use, since the engine cannot
 * see writes into them: after changing them (an optimizer step, loading a checkpoint), call {@link #clear},
 * or use a new instance.
 */
public final class FrozenWeights {
  private static final ThreadLocal<FrozenWeights> ACTIVE = new ThreadLocal<>();

  /** A weight as a GEMM's left operand: the array (a record compares arrays by identity), where it starts, how it is read. */
  private record Key(float[] weight, int offset, boolean transposed, int m, int depth, int ld,
      KernelBackend backend) {}

  private final Set<float[]> weights = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Map<Key, GemmLeft> packed = new ConcurrentHashMap<>();

  /** Keeps the packed forms of {@code weights}: a model's parameter arrays, as {@code Tensor.data()} gives them. */
  public FrozenWeights(Collection<float[]> weights) {
    this.weights.addAll(weights);
  }

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
   * outside such a scope, or when w is not one of its arrays.
   */
  static GemmLeft lookup(KernelBackend k, boolean transposed, int m, int depth, float[] w, int wOff, int ld) {
    FrozenWeights active = ACTIVE.get();
    if (active == null || !active.weights.contains(w)) {
      return null;
    }
    return active.packed.computeIfAbsent(new Key(w, wOff, transposed, m, depth, ld, k),
        key -> k.keepLeft(transposed, m, depth, w, wOff, ld));
  }
}
