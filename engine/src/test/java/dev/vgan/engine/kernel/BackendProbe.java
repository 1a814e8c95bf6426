package dev.vgan.engine.kernel;

/** Run in a child JVM by {@link BackendsTest}: prints the chosen backend and a GEMM result. */
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
  }
}
