package dev.vgan.models.data;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Unpacks regular files and folders of a gzipped ustar archive (what CIFAR-10 ships as). */
final class Tar {
  private Tar() {}

  /** Extracts {@code archive} under {@code folder}; refuses entries that would land outside it. */
  static void extractGzipped(Path archive, Path folder) throws IOException {
    Path root = folder.toAbsolutePath().normalize();
    try (DataInputStream in = new DataInputStream(new GZIPInputStream(Files.newInputStream(archive), 1 << 16))) {
      byte[] header = new byte[512];
      while (true) {
        try {
          in.readFully(header);
        } catch (EOFException e) {
          return;
        }
        String name = field(header, 0, 100);
        if (name.isEmpty()) {
          return;                                        // the end-of-archive block
        }
        String prefix = field(header, 345, 155);
        if (!prefix.isEmpty()) {
          name = prefix + "/" + name;
        }
        long size = Long.parseLong(field(header, 124, 12).trim().isEmpty() ? "0" : field(header, 124, 12).trim(), 8);
        char type = (char) header[156];
        Path target = root.resolve(name).normalize();
        if (!target.startsWith(root)) {
          throw new IOException(archive + ": entry " + name + " points outside " + root);
        }
        if (type == '5') {
          Files.createDirectories(target);
        } else if (type == '0' || type == '\0') {
          Files.createDirectories(target.getParent());
          Files.copy(limited(in, size), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } else {
          in.skipNBytes(size);
        }
        in.skipNBytes((512 - size % 512) % 512);
      }
    }
  }

  private static String field(byte[] h, int off, int len) {
    int end = off;
    while (end < off + len && h[end] != 0) {
      end++;
    }
    return new String(h, off, end - off, StandardCharsets.US_ASCII);
  }

  private static InputStream limited(InputStream in, long size) {
    return new InputStream() {
      long left = size;

      @Override
      public int read() throws IOException {
        if (left <= 0) {
          return -1;
        }
        int b = in.read();
        if (b < 0) {
          throw new EOFException("archive truncated");
        }
        left--;
        return b;
      }

      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        if (left <= 0) {
          return -1;
        }
        int r = in.read(buf, off, (int) Math.min(len, left));
        if (r < 0) {
          throw new EOFException("archive truncated");
        }
        left -= r;
        return r;
      }
    };
  }
}
