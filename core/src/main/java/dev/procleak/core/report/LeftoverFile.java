package dev.procleak.core.report;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.procleak.core.model.Leak;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code prepare} found that earlier builds of the project left running, kept in the reports
 * directory for {@code check} (and the end-of-build check), which puts it into every report of this
 * build as a section of its own: this build did not leak it.
 */
public final class LeftoverFile {
  static final String FILE_NAME = "leftovers.json";
  private static final String FORMAT = "procleak-leftovers/1";

  private LeftoverFile() {}

  /** Writes {@code leftovers}; none deletes what an earlier run of this build's prepare wrote. */
  public static void write(Path reportsDirectory, List<Leak> leftovers) throws IOException {
    Path file = reportsDirectory.resolve(FILE_NAME);
    if (leftovers.isEmpty()) {
      Files.deleteIfExists(file);
      return;
    }
    List<Object> leaks = new ArrayList<>();
    leftovers.forEach(leak -> leaks.add(LeakJson.toMap(leak)));
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("format", FORMAT);
    map.put("leftovers", leaks);
    Files.createDirectories(reportsDirectory);
    AtomicFile.write(file, JsonWriter.write(map));
  }

  /** What {@link #write} wrote; none where it wrote nothing. */
  public static List<Leak> read(Path reportsDirectory) throws IOException {
    Path file = reportsDirectory.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    Map<String, Object> map = JSON.std.mapFrom(Files.readString(file, StandardCharsets.UTF_8));
    if (!FORMAT.equals(map.get("format"))) {
      throw new IOException(
          file + " is not a " + FORMAT + " file: run the build again from the start");
    }
    List<Leak> leftovers = new ArrayList<>();
    try {
      for (Object leak : (List<?>) map.get("leftovers")) {
        leftovers.add(LeakJson.fromMap((Map<?, ?>) leak));
      }
    } catch (RuntimeException e) {
      throw new IOException(file + " is not a valid " + FORMAT + " file: " + e, e);
    }
    return leftovers;
  }
}
