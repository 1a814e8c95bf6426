package dev.vgan.engine.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes files so that a crash never leaves half of one: the bytes go to a temporary file in the same
 * folder, are forced to disk, and the file is renamed over the target in one step.
 */
public final class AtomicFiles {
  /** Writes the content of a file. */
  @FunctionalInterface
  public interface Writer {
    /** Writes everything to {@code out}; do not close it. */
    void write(OutputStream out) throws IOException;
  }

  private AtomicFiles() {}

  /**
   * Temp files are created owner-only; the result should carry the permissions a plain new file gets
   * (rw-r--r--), or the old file's when it is replaced.
   */
  private static void readableLikeANewFile(Path tmp, Path target) throws IOException {
    if (!tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    var perms = Files.exists(target) ? Files.getPosixFilePermissions(target)
        : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
    Files.setPosixFilePermissions(tmp, perms);
  }

  /** Replaces {@code target} with what {@code writer} writes, or leaves it untouched if anything fails. */
  public static void write(Path target, Writer writer) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        OutputStream out = Channels.newOutputStream(ch);
        writer.write(out);
        out.flush();
        ch.force(true);
      }
      readableLikeANewFile(tmp, target);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
