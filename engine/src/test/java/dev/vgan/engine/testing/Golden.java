package dev.vgan.engine.testing;

import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.io.StateDicts;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** PyTorch goldens written by {@code src/test/resources/torch/make_goldens.py}, and the parity criterion. */
public final class Golden {
  /** Per tensor: {@code max |ours − torch| ≤ REL · max |torch|}. */
  public static final double REL = 1e-4;

  private Golden() {}

  /** Every tensor of {@code torch/<name>.safetensors} on the test class path. */
  public static Map<String, Tensor> load(Class<?> anchor, String name) {
    try {
      var url = anchor.getResource("/torch/" + name + ".safetensors");
      if (url == null) {
        throw new AssertionError("missing golden torch/" + name + ".safetensors (run make_goldens.py)");
      }
      return StateDicts.read(Path.of(url.toURI()));
    } catch (IOException | URISyntaxException e) {
      throw new AssertionError("cannot read golden " + name, e);
    }
  }

  /** Entries whose key starts with {@code prefix}, with the prefix removed. */
  public static Map<String, Tensor> withPrefix(Map<String, Tensor> all, String prefix) {
    Map<String, Tensor> out = new LinkedHashMap<>();
    all.forEach((k, v) -> {
      if (k.startsWith(prefix)) {
        out.put(k.substring(prefix.length()), v);
      }
    });
    return out;
  }

  /** The parity criterion, naming the tensor, the worst index and both values. */
  public static void assertMatches(String what, Tensor torch, Tensor ours) {
    if (ours == null) {
      throw new AssertionError(what + ": no value (torch has " + torch.shape() + ")");
    }
    if (torch.numel() != ours.numel()) {
      throw new AssertionError(what + ": " + ours.numel() + " values, torch has " + torch.numel());
    }
    assertMatches(what, torch.data(), ours.data(), 1);
  }

  /** Compares {@code ours[i · stride]} with {@code torch[i]} (goldens of large tensors are sampled). */
  public static void assertMatches(String what, float[] torch, float[] ours, int stride) {
    double max = 0, worst = -1;
    int at = -1;
    for (int i = 0; i < torch.length; i++) {
      max = Math.max(max, Math.abs(torch[i]));
      double d = Math.abs((double) ours[i * stride] - torch[i]);
      if (!(d <= worst) || Double.isNaN(d)) {
        worst = Double.isNaN(d) ? Double.POSITIVE_INFINITY : d;
        at = i;
      }
    }
    double tol = REL * Math.max(max, 1e-30);
    if (torch.length > 0 && !(worst <= tol)) {
      throw new AssertionError(String.format("%s: max |ours − torch| = %.3g at %d (ours %.7g, torch %.7g) > %.3g",
          what, worst, at * stride, ours[at * stride], torch[at], tol));
    }
  }
}
