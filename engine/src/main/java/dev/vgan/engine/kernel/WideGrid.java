package dev.vgan.engine.kernel;

import java.util.Arrays;

/**
 * A chunk of images zero-padded with their rows interleaved — {@code padded[c][y][p zeros, image 0, p zeros,
 * image 1, ..., p zeros]} — for {@link DirectConv}. A kernel tap {@code (c, ky, kx)} then sees, at output
 * pixel {@code (oy, ox)} of image j, {@code padded[start(c, ky, kx) + oy·rowPitch + j·pitch + ox]} with
 * {@code pitch = W + p}: one shift for every image and pixel, so on the "wide" output grid
 * {@code (oy, column)} of {@code OH · rowPitch} columns a row of the column matrix is a contiguous run of the
 * padded chunk. Neighbouring images share the p zero columns between them (a stride-1 window reaches p
 * columns past either edge, and those are the same zeros), so only {@code pitch − OW} columns per image row
 * are discarded (W4's 5×5 at 28×28: 30 of 28, not 32), and small images side by side fill the GEMM's
 * column strips.
 */
final class WideGrid {
  private final ConvGeometry g;
  private final int images;
  private final int pitch;
  private final int hp;
  private final int rowPitch;
  private final int size;
  /** Columns of the wide grid: {@code OH · rowPitch}, with {@code rowPitch = images · (W + p) + p}. */
  final int wide;

  WideGrid(ConvGeometry g, int images) {
    this.g = g;
    this.images = images;
    this.pitch = g.width() + g.padW();
    this.hp = g.height() + 2 * g.padH();
    this.rowPitch = images * pitch + g.padW();
    this.wide = g.outHeight() * rowPitch;
    this.size = g.channels() * hp * rowPitch;
  }

  /** Wide columns per image when several share a row: {@code OH · (W + p)}. */
  static int columnsPerImage(ConvGeometry g) {
    return g.outHeight() * (g.width() + g.padW());
  }

  /** Where row r = (c, ky, kx) of the column matrix starts: {@code (c·Hp + ky)·rowPitch + kx}. */
  int[] rowStarts() {
    int taps = g.kernelH() * g.kernelW();
    int[] starts = new int[g.colRows()];
    for (int r = 0; r < starts.length; r++) {
      int c = r / taps, ky = r % taps / g.kernelW(), kx = r % g.kernelW();
      starts[r] = (c * hp + ky) * rowPitch + kx;
    }
    return starts;
  }

  /**
   * The chunk's images {@code x[off ..]}, padded and interleaved, then kw zeros (the last row reads
   * kw − 1 floats past the chunk, on discarded columns), in this thread's workspace.
   */
  float[] pad(float[] x, int off) {
    float[] padded = Workspace.local().floats(Workspace.Slot.CONV_PADDED, size + g.kernelW());
    Arrays.fill(padded, 0, size + g.kernelW(), 0f);
    int h = g.height(), w = g.width();
    for (int j = 0; j < images; j++) {
      for (int c = 0; c < g.channels(); c++) {
        for (int y = 0; y < h; y++) {
          System.arraycopy(x, off + ((j * g.channels() + c) * h + y) * w, padded,
              (c * hp + y + g.padH()) * rowPitch + g.padW() + j * pitch, w);
        }
      }
    }
    return padded;
  }

  /** {@code (images, O, OH, OW)} from {@code dy[off ..]} on the grid {@code (O, wide)}, zero where discarded. */
  float[] widen(float[] dy, int off, int outChannels) {
    float[] grad = Workspace.local().floats(Workspace.Slot.CONV_CHANNELS, outChannels * wide);
    Arrays.fill(grad, 0, outChannels * wide, 0f);
    int oh = g.outHeight(), ow = g.outWidth();
    for (int j = 0; j < images; j++) {
      for (int o = 0; o < outChannels; o++) {
        for (int oy = 0; oy < oh; oy++) {
          System.arraycopy(dy, off + ((j * outChannels + o) * oh + oy) * ow, grad, o * wide + oy * rowPitch + j * pitch,
              ow);
        }
      }
    }
    return grad;
  }

  /** The grid {@code out (O, wide)} back to {@code (images, O, OH, OW)} at {@code y[yOff ..]}: written, or added. */
  void narrow(KernelBackend k, float[] out, int outChannels, float[] y, int yOff, boolean accumulate) {
    int oh = g.outHeight(), ow = g.outWidth();
    for (int j = 0, to = yOff; j < images; j++) {
      for (int o = 0; o < outChannels; o++) {
        for (int oy = 0; oy < oh; oy++, to += ow) {
          ConvLowering.writeRun(k, out, o * wide + oy * rowPitch + j * pitch, y, to, ow, accumulate);
        }
      }
    }
  }
}
