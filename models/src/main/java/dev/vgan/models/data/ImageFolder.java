package dev.vgan.models.data;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * A folder of images as a dataset, read through ImageIO — PNG, JPEG (CMYK too), BMP, GIF, ICO, WebP and
 * TIFF with the TwelveMonkeys plugins on the class path. Each image is scaled so its shorter side fits
 * and center-cropped to a square, transparent pixels composited over white. When every image sits in a
 * subfolder, the subfolders (sorted by name) are the classes; otherwise the set is unlabelled. Symbolic
 * links are not followed (icon themes link one file under many names). Unreadable files are skipped and
 * listed, never silently.
 */
public final class ImageFolder {
  /** File name endings read as images. */
  public static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "gif", "ico", "webp", "tif", "tiff");

  /**
   * How images are brought to the model's size.
   *
   * @param side the square side in pixels
   * @param rgb three channels, or one (luminance)
   */
  public record Options(int side, boolean rgb) {
    /** 32×32 RGB. */
    public static final Options DEFAULT = new Options(32, true);
  }

  /**
   * A loaded folder.
   *
   * @param data the images (and labels)
   * @param classNames the subfolder of each class, empty when unlabelled
   * @param skipped the files that could not be read, each with the reason
   */
  public record Loaded(Dataset data, List<String> classNames, List<String> skipped) {}

  private ImageFolder() {}

  /** Whether {@code folder} holds image files (directly or one level down). */
  static boolean hasImages(Path folder) throws IOException {
    try (Stream<Path> s = Files.walk(folder, 2)) {
      return s.anyMatch(ImageFolder::isImage);
    }
  }

  /** Reads every image under {@code folder}. */
  public static Loaded read(Path folder, Options o) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(folder)) {
      files = s.filter(ImageFolder::isImage).sorted().toList();
    }
    boolean labelled = !files.isEmpty() && files.stream().noneMatch(f -> f.getParent().equals(folder));
    TreeMap<String, Integer> classes = new TreeMap<>();
    if (labelled) {
      files.forEach(f -> classes.put(folder.relativize(f).getName(0).toString(), 0));
      int k = 0;
      for (var e : classes.entrySet()) {
        e.setValue(k++);
      }
    }
    int channels = o.rgb() ? 3 : 1, per = channels * o.side() * o.side();
    byte[] pixels = new byte[files.size() * per];
    int[] labels = labelled ? new int[files.size()] : null;
    List<String> skipped = new ArrayList<>();
    int n = 0;
    for (Path f : files) {
      BufferedImage image;
      try {
        image = ImageIO.read(f.toFile());
      } catch (IOException | RuntimeException e) {
        skipped.add(f + " (" + e.getMessage() + ")");
        continue;
      }
      if (image == null) {
        skipped.add(f + " (no ImageIO reader understands it)");
        continue;
      }
      write(fit(image, o.side()), o.rgb(), pixels, n * per);
      if (labelled) {
        labels[n] = classes.get(folder.relativize(f).getName(0).toString());
      }
      n++;
    }
    if (n == 0) {
      throw new java.io.FileNotFoundException(folder + ": no readable images (" + files.size() + " image files, "
          + skipped.size() + " unreadable; endings read: " + EXTENSIONS + ")");
    }
    byte[] kept = n == files.size() ? pixels : java.util.Arrays.copyOf(pixels, n * per);
    int[] keptLabels = labels == null ? null : java.util.Arrays.copyOf(labels, n);
    return new Loaded(new ByteImages(kept, n, channels, o.side(), o.side(), keptLabels, classes.size()),
        List.copyOf(classes.keySet()), List.copyOf(skipped));
  }

  private static boolean isImage(Path p) {
    if (!Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
    int dot = name.lastIndexOf('.');
    return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1));
  }

  /** Scales the shorter side to {@code side} (bilinear), center-crops, composites over white. */
  static BufferedImage fit(BufferedImage in, int side) {
    double scale = side / (double) Math.min(in.getWidth(), in.getHeight());
    int w = Math.max(side, (int) Math.round(in.getWidth() * scale));
    int h = Math.max(side, (int) Math.round(in.getHeight() * scale));
    BufferedImage out = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, side, side);
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.drawImage(in, (side - w) / 2, (side - h) / 2, w, h, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  /** CHW bytes of an RGB picture: three planes, or one of luminance (ITU-R BT.601 weights). */
  private static void write(BufferedImage im, boolean rgb, byte[] dst, int off) {
    int side = im.getWidth(), plane = side * side;
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        int p = im.getRGB(x, y), r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;
        int at = off + y * side + x;
        if (rgb) {
          dst[at] = (byte) r;
          dst[at + plane] = (byte) g;
          dst[at + 2 * plane] = (byte) b;
        } else {
          dst[at] = (byte) Math.round(0.299 * r + 0.587 * g + 0.114 * b);
        }
      }
    }
  }
}
