package dev.vgan.tools.cli;

import dev.vgan.engine.core.Tensor;
import dev.vgan.models.api.Generator;
import dev.vgan.models.train.Trainer;
import dev.vgan.tools.latent.GridLatents;
import dev.vgan.tools.render.GifWriter;
import dev.vgan.tools.render.Grid;
import dev.vgan.tools.render.ImageTensors;
import dev.vgan.tools.render.Png;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * After each epoch, a sample grid from fixed latent inputs ({@code samples/epoch-NNN.png}); at the end a
 * training-progress GIF of all of a run's grids, resumed epochs included.
 */
final class EpochSamples implements Trainer.Listener {
  static final String FOLDER = "samples";
  private final Generator generator;
  private final GridLatents latents;
  private final Path folder;

  EpochSamples(Generator generator, long seed, Path out) {
    this.generator = generator;
    this.latents = GridLatents.of(generator.latent(), 8, seed);
    this.folder = out.resolve(FOLDER);
  }

  /** The current generator's grid. */
  BufferedImage grid() {
    Tensor images = generator.generate(latents.z(), latents.labels(), latents.codes());
    int scale = Math.max(1, 64 / generator.image().height());
    return Grid.render(ImageTensors.toImages(images), latents.cols(), scale, 2);
  }

  @Override
  public void onEpoch(int epoch, Path checkpoint) {
    try {
      Files.createDirectories(folder);
      Png.write(grid(), folder.resolve(String.format("epoch-%03d.png", epoch)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the GIF of every grid in the samples folder, in epoch order; returns false when there is none. */
  boolean writeGif(Path gif, int delayMs) throws IOException {
    if (!Files.isDirectory(folder)) {
      return false;
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(folder)) {
      files = s.filter(p -> p.getFileName().toString().matches("epoch-\\d+\\.png")).sorted().toList();
    }
    List<BufferedImage> frames = new ArrayList<>();
    for (Path f : files) {
      frames.add(ImageIO.read(f.toFile()));
    }
    if (frames.isEmpty()) {
      return false;
    }
    GifWriter.write(frames, gif, delayMs, false);
    return true;
  }
}
