package dev.vgan.engine.kernel;

/**
 * Run in a child JVM by {@link BackendsTest}: prints the chosen backend, a GEMM result, and a digest of
 * the transcendental kernels' bits (after {@code args[0]} repetitions, so a JIT-compiled form can be
 * compared with an interpreted one).
 */
public final class BackendProbe {
  private BackendProbe() {}

  public static void main(String[] args) {
    KernelBackend k = Backends.get();
    float[] a = {1, 2, 3, 4, 5, 6}; // (2, 3)
    float[] b = {1, 0, 0, 1, 1, 1}; // (3, 2)
    float[] c = new float[4];
    k.sgemm(false, false, 2, 2, 3, 1f, a, 0, 3, b, 0, 2, 0f, c, 0, 2);
    System.out.println("backend=" + k.name());
    System.out.println("gemm=" + c[0] + "," + c[1] + "," + c[2] + "," + c[3]);
    int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 1;
    System.out.println("math=" + mathDigest(k, repeats));
  }

  /** A digest of tanh, sigmoid and softmax outputs on fixed inputs, computed {@code repeats} times. */
  static String mathDigest(KernelBackend k, int repeats) {
    int n = 4099;
    float[] x = new float[n], y = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) ((i * 0.6180339887) % 1.0 * 24 - 12);    // [-12, 12), fixed
    }
    long digest = 0;
    for (int r = 0; r < repeats; r++) {
      digest = 0;
      k.tanh(x, 0, y, 0, n);
      digest = 31 * digest + java.util.Arrays.hashCode(y);
      k.sigmoid(x, 0, y, 0, n);
      digest = 31 * digest + java.util.Arrays.hashCode(y);
      k.softmaxRows(x, 0, y, 0, 1, n);
      digest = 31 * digest + java.util.Arrays.hashCode(y);
    }
    return Long.toHexString(digest);
  }
}
