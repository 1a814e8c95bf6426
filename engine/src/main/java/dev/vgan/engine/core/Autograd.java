package dev.vgan.engine.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tape: operations {@link #record} a {@link Node} on their output when gradient mode is on and an
 * input requires a gradient; {@link #backward} walks the graph in reverse topological order.
 *
 * <p>Gradient mode is per thread, on by default, and off inside {@link #noGrad()}. Second-order
 * gradients (a WGAN-GP or R1 penalty) come from {@link #grad(Tensor, List, boolean)} with
 * {@code createGraph}: the backward then runs through recording operations, so the gradients it
 * returns can themselves be differentiated.
 */
public final class Autograd {
  private static final ThreadLocal<int[]> NO_GRAD_DEPTH = ThreadLocal.withInitial(() -> new int[1]);

  private Autograd() {}

  /** A scope with gradient recording off; closing it restores the previous mode. */
  public static final class Scope implements AutoCloseable {
    private final int[] depth;
    private final int delta;
    private boolean closed;

    private Scope(int delta) {
      this.depth = NO_GRAD_DEPTH.get();
      this.delta = delta;
      depth[0] += delta;
    }

    @Override
    public void close() {
      if (!closed) {
        depth[0] -= delta;
        closed = true;
      }
    }
  }

  /** Turns recording off until the returned scope closes: {@code try (var s = Autograd.noGrad()) {...}}. */
  public static Scope noGrad() {
    return new Scope(1);
  }

  private static Scope enableGrad() {
    int[] depth = NO_GRAD_DEPTH.get();
    return new Scope(-depth[0]);
  }

  /** Whether operations on this thread record a graph. */
  public static boolean isEnabled() {
    return NO_GRAD_DEPTH.get()[0] == 0;
  }

  /**
   * Attaches a node to {@code out} if recording is on and an input requires a gradient; returns
   * {@code out}. Null inputs (an absent bias) are ignored.
   */
  public static Tensor record(String name, Tensor out, Node.Backward backward, Node.GraphBackward graphBackward,
      Tensor... inputs) {
    if (!isEnabled()) {
      return out;
    }
    List<Tensor> tracked = null;
    for (Tensor t : inputs) {
      if (t != null && t.requiresGrad()) {
        if (tracked == null) {
          tracked = new ArrayList<>(inputs.length);
        }
        tracked.add(t);
      }
    }
    if (tracked != null) {
      out.attach(new Node(name, tracked, backward, graphBackward));
    }
    return out;
  }

  /** Accumulates d(root)/d(leaf) · seed into the gradient of every leaf that requires one. */
  static void backward(Tensor root, Tensor seed) {
    requireSameShape("backward", root, seed);
    if (!root.requiresGrad()) {
      throw new IllegalStateException("backward: tensor " + root.shape()
          + " does not require a gradient (no input of its graph does, or it was made under noGrad)");
    }
    FusedSink sink = new FusedSink(new IdentityHashMap<>(), null, true);
    addInto(sink.of(root), seed);
    runFused(topologicalOrder(root), sink, t -> false);
  }

  /**
   * The fused backward pass: each tensor in reverse topological order hands its gradient to its node,
   * unless {@code stop} says its gradient is final (a requested input) or not needed. A processed
   * tensor's gradient is released as soon as its node has run.
   */
  private static void runFused(List<Tensor> order, FusedSink sink, java.util.function.Predicate<Tensor> stop) {
    try (Scope s = noGrad()) {
      for (int i = order.size() - 1; i >= 0; i--) {
        Tensor t = order.get(i);
        if (t.node() == null || stop.test(t)) {
          continue;
        }
        Tensor gy = sink.pending().remove(t);
        if (gy != null) {
          t.node().backward().run(gy, sink);
        }
      }
    }
  }

  /**
   * The gradients of the scalar {@code output} with respect to each of {@code inputs} (zeros where
   * an input does not affect it), without touching any leaf's accumulated gradient. With
   * {@code createGraph} the result is recorded and can be back-propagated again; every op on the
   * path must then have a recording backward.
   */
  public static List<Tensor> grad(Tensor output, List<Tensor> inputs, boolean createGraph) {
    if (output.numel() != 1) {
      throw new IllegalArgumentException("grad: output " + output.shape() + " is not a scalar");
    }
    if (!output.requiresGrad()) {
      throw new IllegalStateException("grad: output does not require a gradient");
    }
    List<Tensor> order = topologicalOrder(output);
    Set<Tensor> needed = neededSet(order, inputs);
    Tensor seed = Tensor.full(1f, output.shape().dims());
    return createGraph ? graphGrad(output, seed, inputs, order, needed) : fusedGrad(output, seed, inputs, order, needed);
  }

  private static List<Tensor> fusedGrad(Tensor output, Tensor seed, List<Tensor> inputs, List<Tensor> order,
      Set<Tensor> needed) {
    FusedSink sink = new FusedSink(new IdentityHashMap<>(), needed, false);
    addInto(sink.of(output), seed);
    runFused(order, sink, t -> !needed.contains(t) || inputs.contains(t));
    return gradientsOf(inputs, sink.pending());
  }

  private static List<Tensor> graphGrad(Tensor output, Tensor seed, List<Tensor> inputs, List<Tensor> order,
      Set<Tensor> needed) {
    Map<Tensor, Tensor> pending = new IdentityHashMap<>();
    pending.put(output, seed);
    Node.GraphGradients sink = new Node.GraphGradients() {
      @Override
      public boolean wants(Tensor input) {
        return input.requiresGrad() && needed.contains(input);
      }

      @Override
      public void add(Tensor input, Tensor g) {
        requireSameShape("grad", input, g);
        Tensor prev = pending.get(input);
        pending.put(input, prev == null ? g : GradSum.of(prev, g));
      }
    };
    try (Scope s = enableGrad()) {
      for (int i = order.size() - 1; i >= 0; i--) {
        Tensor t = order.get(i);
        Tensor gy = !inputs.contains(t) ? pending.get(t) : null;
        if (gy == null || t.node() == null) {
          continue;
        }
        Node n = t.node();
        if (n.graphBackward() == null) {
          throw new UnsupportedOperationException("grad(createGraph): " + n.name()
              + " has no differentiable backward, so a second-order gradient cannot pass through it");
        }
        n.graphBackward().run(gy, sink);
      }
    }
    return gradientsOf(inputs, pending);
  }

  /** Each input's accumulated gradient, or zeros where none reached it. */
  private static List<Tensor> gradientsOf(List<Tensor> inputs, Map<Tensor, Tensor> pending) {
    List<Tensor> result = new ArrayList<>(inputs.size());
    for (Tensor in : inputs) {
      Tensor g = pending.get(in);
      result.add(g != null ? g : Tensor.zeros(in.shape()));
    }
    return result;
  }

  /** Tensors from which some requested input is reachable (the only gradients worth computing). */
  private static Set<Tensor> neededSet(List<Tensor> order, List<Tensor> inputs) {
    Set<Tensor> needed = Collections.newSetFromMap(new IdentityHashMap<>());
    Set<Tensor> wanted = Collections.newSetFromMap(new IdentityHashMap<>());
    wanted.addAll(inputs);
    needed.addAll(inputs);
    for (Tensor t : order) {                                  // inputs of a node come before it
      if (t.node() != null && !wanted.contains(t)) {
        for (Tensor in : t.node().inputs()) {
          if (needed.contains(in)) {
            needed.add(t);
            break;
          }
        }
      }
    }
    return needed;
  }

  /** Tensors reachable from {@code root} through nodes, each after all of its node's inputs. */
  private static List<Tensor> topologicalOrder(Tensor root) {
    List<Tensor> order = new ArrayList<>();
    Set<Tensor> visited = Collections.newSetFromMap(new IdentityHashMap<>());
    ArrayDeque<Tensor> stack = new ArrayDeque<>();
    ArrayDeque<Integer> next = new ArrayDeque<>();
    stack.push(root);
    next.push(0);
    visited.add(root);
    while (!stack.isEmpty()) {
      Tensor t = stack.peek();
      int i = next.pop();
      List<Tensor> ins = t.node() == null ? List.of() : t.node().inputs();
      if (i < ins.size()) {
        next.push(i + 1);
        Tensor child = ins.get(i);
        if (visited.add(child)) {
          stack.push(child);
          next.push(0);
        }
      } else {
        stack.pop();
        order.add(t);
      }
    }
    return order;
  }

  private static void addInto(Tensor target, Tensor g) {
    float[] d = target.data();
    float[] s = g.data();
    for (int i = 0; i < d.length; i++) {
      d[i] += s[i];
    }
  }

  static void requireSameShape(String op, Tensor expected, Tensor actual) {
    if (!expected.shape().equals(actual.shape())) {
      throw new IllegalArgumentException(op + ": gradient " + actual.shape() + " does not match tensor "
          + expected.shape());
    }
  }

  /** Accumulation buffers for a fused pass: leaves' own gradients, or a private map. */
  private record FusedSink(Map<Tensor, Tensor> pending, Set<Tensor> needed, boolean intoLeaves)
      implements Node.Gradients {
    @Override
    public boolean wants(Tensor input) {
      return input.requiresGrad() && (needed == null || needed.contains(input));
    }

    @Override
    public Tensor of(Tensor input) {
      if (intoLeaves && input.isLeaf()) {
        return input.gradBuffer();
      }
      return pending.computeIfAbsent(input, t -> Tensor.zeros(t.shape()));
    }

    @Override
    public Node.Target target(Tensor input) {
      if ((intoLeaves && input.isLeaf()) || pending.containsKey(input)) {
        return new Node.Target(of(input).data(), true);
      }
      Tensor fresh = Tensor.empty(input.shape());
      pending.put(input, fresh);
      return new Node.Target(fresh.data(), false);
    }
  }
}
