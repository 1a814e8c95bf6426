package dev.vgan.tools.render;

import dev.vgan.engine.io.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes PNG files atomically (a temp file renamed into place). */
public final class Png {
  private Png() {}

  /** Writes {@code image} to {@code file}. */
  public static void write(BufferedImage image, Path file) throws IOException {
    AtomicFiles.write(file, out -> {
      if (!ImageIO.write(image, "png", out)) {
        throw new IOException(file + ": no PNG writer in this JDK");
      }
    });
  }
}
