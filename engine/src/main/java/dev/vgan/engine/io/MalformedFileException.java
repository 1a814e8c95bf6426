package dev.vgan.engine.io;

import java.io.IOException;
import java.nio.file.Path;

/** A file that does not follow its format; the message names the file, what is wrong and where. */
public final class MalformedFileException extends IOException {
  private static final long serialVersionUID = 1L;

  /** {@code "<file>: <what>"}. */
  public MalformedFileException(Path file, String what) {
    super(file + ": " + what);
  }
}
