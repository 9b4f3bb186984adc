package dev.procleak.core.report;

import dev.procleak.core.os.ThisProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/** Writes a report so that a reader sees the old file or the whole new one, never half of it. */
public final class AtomicFile {
  /** What goes into the file. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Makes each temporary name unique within the process; the pid makes it unique between processes.
   */
  private static final AtomicLong WRITES = new AtomicLong();

  private AtomicFile() {}

  public static void write(Path file, Content content) throws IOException {
    Path directory = file.toAbsolutePath().getParent();
    Files.createDirectories(directory);
    // Not Files.createTempFile: its random name costs SecureRandom's set-up, ~20 ms in a test JVM.
    Path temporary =
        directory.resolve(
            file.getFileName() + "." + ThisProcess.pid() + "-" + WRITES.incrementAndGet() + ".tmp");
    try {
      try (OutputStream out =
          Files.newOutputStream(
              temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        content.writeTo(out);
      }
      Files.move(
          temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** Writes {@code text} as UTF-8. */
  public static void write(Path file, String text) throws IOException {
    write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
  }
}
