package dev.vgan.engine.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recycles tensor storage across the iterations of a loop that allocates the same sizes each time — a
 * training step. Inside {@link #enter()}, tensors made on this thread take their arrays from the arena;
 * when the scope closes, every array handed out returns to it, and the next iteration reuses them, so a
 * steady-state step allocates (almost) nothing and never pays to zero memory it is about to overwrite.
 *
 * <p>The contract: no tensor made inside a scope may be used after the scope closes (read the losses
 * with {@code item()} before). Parameters, their gradients and optimizer state are made outside, or
 * with plain storage, and are never recycled. Small tensors (under {@link #MIN_FLOATS} values) are not
 * worth pooling and are allocated normally.
 */
public final class TensorArena {
  /** Arrays shorter than this are allocated normally. */
  public static final int MIN_FLOATS = 1024;
  private static final ThreadLocal<TensorArena> ACTIVE = new ThreadLocal<>();

  private final Map<Integer, ArrayDeque<float[]>> free = new HashMap<>();
  private List<float[]> lent = new ArrayList<>();
  /** What the last closed scope lent, kept (a list swap per scope) for {@link #trim}. */
  private List<float[]> lastLent = new ArrayList<>();
  private final Scope scope = new Scope();

  /** A scope that returns the arena's arrays on close. */
  public final class Scope implements AutoCloseable {
    private Scope() {}

    @Override
    public void close() {
      ACTIVE.remove();
      for (float[] a : lent) {
        free.computeIfAbsent(a.length, n -> new ArrayDeque<>()).push(a);
      }
      List<float[]> returned = lent;
      lent = lastLent;
      lent.clear();
      lastLent = returned;
    }
  }

  /** Makes this arena the source of tensor storage on this thread until the scope closes. */
  public Scope enter() {
    if (ACTIVE.get() != null) {
      throw new IllegalStateException("TensorArena: a scope is already open on this thread");
    }
    ACTIVE.set(this);
    return scope;
  }

  /** Whether a scope is open on this thread. */
  public static boolean isActive() {
    return ACTIVE.get() != null;
  }

  /** Bytes of storage the arena holds for reuse. */
  public long bytesHeld() {
    long n = 0;
    for (var e : free.entrySet()) {
      n += 4L * e.getKey() * e.getValue().size();
    }
    return n;
  }

  /**
   * Lets go of the stored arrays the last closed scope did not use, so an arena that sees several shapes
   * (a generator asked for 1, then 64, then 16 images) holds only what the latest one needs.
   */
  public void trim() {
    Set<float[]> used = Collections.newSetFromMap(new IdentityHashMap<>());
    used.addAll(lastLent);
    free.values().forEach(q -> q.removeIf(a -> !used.contains(a)));
    free.values().removeIf(ArrayDeque::isEmpty);
  }

  /** Storage for {@code n} floats: from the active arena if any, zeroed when {@code zero}. */
  static float[] allocate(int n, boolean zero) {
    TensorArena a = n < MIN_FLOATS ? null : ACTIVE.get();
    return a == null ? new float[n] : a.take(n, zero);
  }

  private float[] take(int n, boolean zero) {
    ArrayDeque<float[]> q = free.get(n);
    float[] x;
    if (q == null || q.isEmpty()) {
      x = new float[n];
    } else {
      x = q.pop();
      if (zero) {
        Arrays.fill(x, 0f);
      }
    }
    lent.add(x);
    return x;
  }
}
