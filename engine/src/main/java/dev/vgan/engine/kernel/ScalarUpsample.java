package dev.vgan.engine.kernel;

/** Nearest-neighbour upsampling by an integer factor, and its adjoint. Memory-bound; shared by the CPU backends. */
public final class ScalarUpsample {
  private ScalarUpsample() {}

  /** See {@link KernelBackend#upsampleNearest}. */
  public static void upsampleNearest(float[] x, int xOff, int planes, int h, int w, int factor, float[] y, int yOff) {
    int ow = w * factor;
    for (int p = 0; p < planes; p++) {
      for (int i = 0; i < h; i++) {
        int src = xOff + (p * h + i) * w;
        int dst = yOff + (p * h + i) * factor * ow;
        for (int j = 0; j < w; j++) {
          float v = x[src + j];
          for (int f = 0; f < factor; f++) {
            y[dst + j * factor + f] = v;
          }
        }
        for (int f = 1; f < factor; f++) {
          System.arraycopy(y, dst, y, dst + f * ow, ow);
        }
      }
    }
  }

  /** See {@link KernelBackend#upsampleNearestBackward}. */
  public static void upsampleNearestBackward(float[] dy, int dyOff, int planes, int h, int w, int factor,
      float[] dx, int dxOff) {
    int ow = w * factor;
    for (int p = 0; p < planes; p++) {
      for (int i = 0; i < h; i++) {
        int dst = dxOff + (p * h + i) * w;
        int src = dyOff + (p * h + i) * factor * ow;
        for (int j = 0; j < w; j++) {
          float s = 0f;
          for (int fi = 0; fi < factor; fi++) {
            for (int fj = 0; fj < factor; fj++) {
              s += dy[src + fi * ow + j * factor + fj];
            }
          }
          dx[dst + j] += s;
        }
      }
    }
  }
}
