package dev.procleak.core.report;

import dev.procleak.core.scan.ProcessId;
import dev.procleak.core.scan.SubtreeScanner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * What a later build must know of an earlier one that left processes behind: which project it
 * built, under which cookie its processes run, and which process ran it, to tell a build that died
 * from one still running (a concurrent build of the same project on a CI agent with two executors).
 * Kept in the build's folder beside its JVMs' journals ({@link StartJournal#directory()}), and
 * deleted with them once nothing of the build is left running.
 *
 * @param cookie the build's cookie, which every process of its tests carries
 * @param project the folder of the project (the module) it built
 * @param builder the process that ran the build (Maven's JVM; the test JVM without Maven)
 * @param started when the build began
 * @param folder where the record and the build's journals are kept
 */
public record BuildRecord(
    String cookie, String project, ProcessId builder, Instant started, Path folder) {
  /** Properties, not JSON: a test JVM reads them as it begins, where jackson would cost 35+ ms. */
  static final String FILE_NAME = "build.properties";

  private static final String FORMAT = "procleak-build/1";

  /**
   * Records, under {@code directory}, that the build of {@code project} whose cookie is {@code
   * cookie} is run by {@code builder} since now.
   */
  public static BuildRecord write(Path directory, String cookie, String project, ProcessId builder)
      throws IOException {
    Path folder =
        StartJournal.buildFolder(directory, cookie)
            .orElseThrow(() -> new IOException("the cookie " + cookie + " cannot name a folder"));
    BuildRecord record =
        new BuildRecord(
            cookie, project, builder, Instant.ofEpochMilli(System.currentTimeMillis()), folder);
    StringBuilder lines = new StringBuilder(256);
    PropertiesLines.entry(lines, "format", FORMAT);
    PropertiesLines.entry(lines, "cookie", cookie);
    PropertiesLines.entry(lines, "project", project);
    PropertiesLines.entry(lines, "builderPid", Long.toString(builder.pid()));
    PropertiesLines.entry(lines, "builderStartTime", Long.toString(builder.startTime()));
    PropertiesLines.entry(lines, "started", Long.toString(record.started().toEpochMilli()));
    StartJournal.createOwnFolder(directory, folder);
    AtomicFile.write(folder.resolve(FILE_NAME), lines.toString());
    return record;
  }

  /** Every build recorded under {@code directory}; a record that cannot be read is none. */
  public static List<BuildRecord> readAll(Path directory) {
    List<BuildRecord> records = new ArrayList<>();
    try (DirectoryStream<Path> folders = Files.newDirectoryStream(directory)) {
      for (Path folder : folders) {
        read(folder).ifPresent(records::add);
      }
    } catch (IOException | DirectoryIteratorException none) {
      // no build recorded yet
    }
    return records;
  }

  private static Optional<BuildRecord> read(Path folder) {
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(folder.resolve(FILE_NAME))) {
      properties.load(in);
      if (!FORMAT.equals(properties.getProperty("format"))) {
        return Optional.empty();
      }
      return Optional.of(
          new BuildRecord(
              properties.getProperty("cookie"),
              properties.getProperty("project"),
              new ProcessId(
                  Long.parseLong(properties.getProperty("builderPid")),
                  Long.parseLong(properties.getProperty("builderStartTime"))),
              Instant.ofEpochMilli(Long.parseLong(properties.getProperty("started"))),
              folder));
    } catch (IOException | RuntimeException unreadable) {
      return Optional.empty(); // none, another version's, or half a file
    }
  }

  /** Whether its run is over: the process that ran it is gone (or a zombie). */
  public boolean isOver(SubtreeScanner scanner) {
    return scanner.current(builder).filter(process -> !process.isZombie()).isEmpty();
  }

  /** The journals its test JVMs kept, by each JVM's cookie. */
  public Map<String, Path> journals() {
    return StartJournal.journalsIn(folder, cookie);
  }

  /** Deletes the record of the build whose cookie is {@code cookie}, with its journals. */
  public static void delete(Path directory, String cookie) {
    StartJournal.buildFolder(directory, cookie)
        .ifPresent(folder -> new BuildRecord(cookie, null, null, null, folder).delete());
  }

  /** Deletes the record, its journals and its folder: nothing of the build is left to name. */
  public void delete() {
    journals().values().forEach(StartJournal::delete);
    try {
      Files.deleteIfExists(folder.resolve(FILE_NAME));
      Files.deleteIfExists(folder);
    } catch (IOException notEmpty) {
      // a JVM of the build journals there still
    }
  }
}
