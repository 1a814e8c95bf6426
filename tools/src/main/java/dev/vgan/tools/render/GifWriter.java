package dev.vgan.tools.render;

import dev.vgan.engine.io.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Animated GIFs with the JDK's own ImageIO writer: every frame gets the delay, and the NETSCAPE2.0
 * application extension makes the animation loop forever. Colours are reduced by {@link GifPalette}
 * (exact for gray frames, median cut with dithering otherwise). Written atomically.
 */
public final class GifWriter {
  private GifWriter() {}

  /**
   * Writes {@code frames} (at least one, all the same size) to {@code file}, {@code delayMs} per frame
   * (GIF counts in hundredths of a second, so it is rounded to 10 ms); with {@code pingPong} the frames
   * play forward then back, without repeating the ends.
   */
  public static void write(List<BufferedImage> frames, Path file, int delayMs, boolean pingPong) throws IOException {
    if (frames.isEmpty()) {
      throw new IllegalArgumentException("gif: no frames");
    }
    List<BufferedImage> order = new ArrayList<>(frames);
    if (pingPong) {
      for (int i = frames.size() - 2; i > 0; i--) {
        order.add(frames.get(i));
      }
    }
    ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
    AtomicFiles.write(file, out -> {
      try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
        writer.setOutput(ios);
        writer.prepareWriteSequence(null);
        for (BufferedImage frame : order) {
          BufferedImage indexed = GifPalette.indexed(frame.getType() == BufferedImage.TYPE_INT_RGB ? frame : toRgb(frame));
          writer.writeToSequence(new IIOImage(indexed, null, frameMetadata(writer, indexed, delayMs)), null);
        }
        writer.endWriteSequence();
      } finally {
        writer.reset();
      }
    });
    writer.dispose();
  }

  private static IIOMetadata frameMetadata(ImageWriter writer, BufferedImage frame, int delayMs) throws IOException {
    IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame), null);
    String format = meta.getNativeMetadataFormatName();
    IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
    IIOMetadataNode control = child(root, "GraphicControlExtension");
    control.setAttribute("disposalMethod", "none");
    control.setAttribute("userInputFlag", "FALSE");
    control.setAttribute("transparentColorFlag", "FALSE");
    control.setAttribute("delayTime", Integer.toString(Math.max(1, Math.round(delayMs / 10f))));
    control.setAttribute("transparentColorIndex", "0");
    IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
    app.setAttribute("applicationID", "NETSCAPE");
    app.setAttribute("authenticationCode", "2.0");
    app.setUserObject(new byte[] {1, 0, 0});                           // sub-block 1, loop count 0 = forever
    child(root, "ApplicationExtensions").appendChild(app);
    meta.setFromTree(format, root);
    return meta;
  }

  private static IIOMetadataNode child(IIOMetadataNode root, String name) {
    for (int i = 0; i < root.getLength(); i++) {
      if (root.item(i).getNodeName().equals(name)) {
        return (IIOMetadataNode) root.item(i);
      }
    }
    IIOMetadataNode node = new IIOMetadataNode(name);
    root.appendChild(node);
    return node;
  }

  private static BufferedImage toRgb(BufferedImage in) {
    BufferedImage out = new BufferedImage(in.getWidth(), in.getHeight(), BufferedImage.TYPE_INT_RGB);
    out.getGraphics().drawImage(in, 0, 0, null);
    return out;
  }
}
