package dev.vgan.tools.render;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Reduces a picture to GIF's 256 colours. A picture with at most 256 colours (every gray-scale frame) keeps
 * them exactly. Otherwise a median-cut palette is built from its colours, and Floyd–Steinberg error
 * diffusion spreads each pixel's rounding error to its neighbours, so smooth gradients dither instead of
 * breaking into bands (the JDK writer's own octree reduction bands them).
 */
final class GifPalette {
  private static final int COLORS = 256;

  private GifPalette() {}

  /** {@code rgb} as an indexed picture. */
  static BufferedImage indexed(BufferedImage rgb) {
    int w = rgb.getWidth(), h = rgb.getHeight();
    int[] px = rgb.getRGB(0, 0, w, h, null, 0, w);
    Map<Integer, Integer> counts = new HashMap<>();
    for (int p : px) {
      counts.merge(p & 0xffffff, 1, Integer::sum);
    }
    int[] palette = counts.size() <= COLORS ? counts.keySet().stream().mapToInt(Integer::intValue).toArray()
        : medianCut(counts);
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, colorModel(palette));
    WritableRaster raster = out.getRaster();
    if (counts.size() <= COLORS) {
      Map<Integer, Integer> index = new HashMap<>();
      for (int i = 0; i < palette.length; i++) {
        index.put(palette[i], i);
      }
      for (int i = 0; i < px.length; i++) {
        raster.setSample(i % w, i / w, 0, index.get(px[i] & 0xffffff));
      }
    } else {
      dither(px, w, h, palette, raster);
    }
    return out;
  }

  /** Floyd–Steinberg: 7/16 right, 3/16 down-left, 5/16 down, 1/16 down-right. */
  private static void dither(int[] px, int w, int h, int[] palette, WritableRaster raster) {
    float[][] err = new float[2][(w + 2) * 3];
    int[] nearest = new int[1 << 18];                    // 6 bits per channel -> palette index + 1, 0 = not yet
    for (int y = 0; y < h; y++) {
      float[] cur = err[y & 1], next = err[(y + 1) & 1];
      Arrays.fill(next, 0f);
      for (int x = 0; x < w; x++) {
        int p = px[y * w + x];
        int r = clamp((p >> 16 & 255) + cur[(x + 1) * 3]);
        int g = clamp((p >> 8 & 255) + cur[(x + 1) * 3 + 1]);
        int b = clamp((p & 255) + cur[(x + 1) * 3 + 2]);
        int key = (r >> 2) << 12 | (g >> 2) << 6 | (b >> 2);
        if (nearest[key] == 0) {
          nearest[key] = 1 + closest(palette, r, g, b);
        }
        int i = nearest[key] - 1;
        raster.setSample(x, y, 0, i);
        int[] e = {r - (palette[i] >> 16 & 255), g - (palette[i] >> 8 & 255), b - (palette[i] & 255)};
        for (int c = 0; c < 3; c++) {
          cur[(x + 2) * 3 + c] += e[c] * 7 / 16f;
          next[x * 3 + c] += e[c] * 3 / 16f;
          next[(x + 1) * 3 + c] += e[c] * 5 / 16f;
          next[(x + 2) * 3 + c] += e[c] / 16f;
        }
      }
    }
  }

  private static int closest(int[] palette, int r, int g, int b) {
    int best = 0;
    long bestD = Long.MAX_VALUE;
    for (int i = 0; i < palette.length; i++) {
      int dr = r - (palette[i] >> 16 & 255), dg = g - (palette[i] >> 8 & 255), db = b - (palette[i] & 255);
      long d = 2L * dr * dr + 4L * dg * dg + 3L * db * db;     // rough perceptual weights
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    }
    return best;
  }

  /** A set of colours and its widest channel. */
  private record Box(int[] colors, int shift, int spread) {
    static Box of(int[] colors) {
      int shift = 16, spread = GifPalette.spread(colors, 16);
      for (int sh : new int[] {8, 0}) {
        int sp = GifPalette.spread(colors, sh);
        if (sp > spread) {
          shift = sh;
          spread = sp;
        }
      }
      return new Box(colors, shift, spread);
    }
  }

  /** Splits the colour set at the median of its widest channel until there are 256 boxes; each box's mean. */
  private static int[] medianCut(Map<Integer, Integer> counts) {
    PriorityQueue<Box> queue = new PriorityQueue<>(Comparator.comparingInt(Box::spread).reversed());
    List<Box> done = new ArrayList<>();
    queue.add(Box.of(counts.keySet().stream().mapToInt(Integer::intValue).toArray()));
    while (!queue.isEmpty() && queue.size() + done.size() < COLORS) {
      Box widest = queue.poll();
      if (widest.colors().length < 2) {
        done.add(widest);
        continue;
      }
      int shift = widest.shift();
      int[] sorted = Arrays.stream(widest.colors()).boxed().sorted(Comparator.comparingInt(c -> c >> shift & 255))
          .mapToInt(Integer::intValue).toArray();
      int half = sorted.length / 2;
      queue.add(Box.of(Arrays.copyOfRange(sorted, 0, half)));
      queue.add(Box.of(Arrays.copyOfRange(sorted, half, sorted.length)));
    }
    done.addAll(queue);
    int[] palette = new int[done.size()];
    for (int i = 0; i < palette.length; i++) {
      long r = 0, g = 0, b = 0, n = 0;
      for (int c : done.get(i).colors()) {
        int k = counts.get(c);
        r += (long) (c >> 16 & 255) * k;
        g += (long) (c >> 8 & 255) * k;
        b += (long) (c & 255) * k;
        n += k;
      }
      palette[i] = (int) Math.round((double) r / n) << 16 | (int) Math.round((double) g / n) << 8 | (int) Math.round((double) b / n);
    }
    return palette;
  }

  private static int spread(int[] colors, int shift) {
    int lo = 255, hi = 0;
    for (int c : colors) {
      int v = c >> shift & 255;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    return hi - lo;
  }

  private static IndexColorModel colorModel(int[] palette) {
    int n = Math.max(2, palette.length);
    byte[] r = new byte[n], g = new byte[n], b = new byte[n];
    for (int i = 0; i < palette.length; i++) {
      r[i] = (byte) (palette[i] >> 16);
      g[i] = (byte) (palette[i] >> 8);
      b[i] = (byte) palette[i];
    }
    return new IndexColorModel(8, n, r, g, b);
  }

  private static int clamp(float v) {
    return Math.max(0, Math.min(255, Math.round(v)));
  }
}
