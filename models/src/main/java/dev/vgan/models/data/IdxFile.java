package dev.vgan.models.data;

import dev.vgan.engine.io.MalformedFileException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * One IDX file (the MNIST family's format), gzipped or not: a big-endian header — two zero bytes, a type
 * byte ({@code 0x08}: unsigned bytes, the only type these datasets use), the number of dimensions — then
 * each dimension as a 32-bit integer, then the values row-major. Reading checks everything and names the
 * file and the byte offset of what is wrong.
 *
 * @param dims the dimensions, outermost first (count, rows, columns for images; count for labels)
 * @param values the values, row-major, as unsigned bytes
 */
public record IdxFile(int[] dims, byte[] values) {
  /** The most values a file may declare (a Java array's limit), so a corrupt header cannot ask for more. */
  public static final long MAX_VALUES = Integer.MAX_VALUE - 8;

  /** Reads and checks {@code file}; a gzip stream is recognised by its magic bytes. */
  public static IdxFile read(Path file) throws IOException {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
      raw.mark(2);
      int b0 = raw.read(), b1 = raw.read();
      raw.reset();
      boolean gzip = b0 == 0x1f && b1 == 0x8b;
      try (InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw) {
        return parse(file, in);
      } catch (java.util.zip.ZipException e) {
        throw new MalformedFileException(file, "corrupt gzip stream (" + e.getMessage() + ")");
      }
    }
  }

  private static IdxFile parse(Path file, InputStream in) throws IOException {
    byte[] header = readFully(file, in, 4, 0, "the 4-byte header");
    if (header[0] != 0 || header[1] != 0) {
      throw new MalformedFileException(file, String.format("not an IDX file: bytes 0-1 are %02x %02x, not 00 00",
          header[0] & 0xff, header[1] & 0xff));
    }
    if (header[2] != 0x08) {
      throw new MalformedFileException(file, String.format(
          "IDX type byte at offset 2 is 0x%02x; only 0x08 (unsigned bytes) is supported", header[2] & 0xff));
    }
    int rank = header[3] & 0xff;
    if (rank < 1 || rank > 4) {
      throw new MalformedFileException(file, "IDX rank at offset 3 is " + rank + "; expected 1 to 4");
    }
    byte[] dimBytes = readFully(file, in, 4 * rank, 4, "the " + rank + " dimension sizes");
    int[] dims = new int[rank];
    long count = 1;
    for (int i = 0; i < rank; i++) {
      int d = ((dimBytes[4 * i] & 0xff) << 24) | ((dimBytes[4 * i + 1] & 0xff) << 16)
          | ((dimBytes[4 * i + 2] & 0xff) << 8) | (dimBytes[4 * i + 3] & 0xff);
      if (d < 0) {
        throw new MalformedFileException(file, "dimension " + i + " at offset " + (4 + 4 * i) + " is negative");
      }
      dims[i] = d;
      count *= d;
      if (count > MAX_VALUES) {
        throw new MalformedFileException(file, "dimensions " + Arrays.toString(Arrays.copyOf(dims, i + 1))
            + " declare more than " + MAX_VALUES + " values");
      }
    }
    int offset = 4 + 4 * rank;
    byte[] values = readFully(file, in, (int) count, offset, Arrays.toString(dims) + " values");
    if (in.read() != -1) {
      throw new MalformedFileException(file, "unexpected data after the " + count + " values declared by the "
          + "header, at offset " + (offset + count));
    }
    return new IdxFile(dims, values);
  }

  private static byte[] readFully(Path file, InputStream in, int n, long offset, String what) throws IOException {
    byte[] b = new byte[n];
    int got = 0;
    while (got < n) {
      int r = in.read(b, got, n - got);
      if (r < 0) {
        throw new MalformedFileException(file, "truncated: " + what + " start at offset " + offset + " and need "
            + n + " bytes, but the file ends after " + got);
      }
      got += r;
    }
    return b;
  }

  /** Fails unless the file has exactly {@code rank} dimensions; {@code role} names it in the message. */
  void requireRank(Path file, int rank, String role) throws MalformedFileException {
    if (dims.length != rank) {
      throw new MalformedFileException(file, "an IDX " + role + " file has " + rank + " dimensions; this one has "
          + dims.length + " " + Arrays.toString(dims));
    }
  }
}
