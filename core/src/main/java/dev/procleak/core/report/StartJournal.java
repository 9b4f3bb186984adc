package dev.procleak.core.report;

import dev.procleak.core.model.ScopeName;
import dev.procleak.core.origin.JavaStart;
import dev.procleak.core.origin.JavaStarts;
import dev.procleak.core.os.EnvironmentCookie;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One test JVM's journal of its starts: for each start through Java, its number, pid, time,
 * command, callers and the tests running then, as lines of a properties file ({@code
 * start.<n>.command=...}, its last {@code start.<n>.whole=true}), appended in one {@code write} as
 * the start returns, and read with the JDK's {@link Properties#load(InputStream)}: a test JVM reads
 * journals too (what earlier runs left), and has no JSON library. A JVM halted, killed or crashed a
 * moment later has told already: whatever of it a later check finds still running, by its cookie,
 * names its test and where it was started, as a live JVM's report does.
 *
 * <p>Journals live outside the build's directory, one folder per module build under {@link
 * #directory()}: what they tell must outlive the JVM, and (for the next build) the build itself. A
 * JVM that ends with nothing of its own left running deletes its journal; so does the check that
 * stopped what a JVM left.
 */
public final class StartJournal {
  static final String SUFFIX = ".starts";

  /** The last key of a start's lines: a start without it was cut by its JVM's end. */
  private static final String WHOLE = "whole";

  /**
   * What a cookie's parts may be to name a file: a build's {@code artifactId-uuid}, {@code jvm-…}.
   */
  private static final Pattern PART = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");

  private final Path root;
  private final Path file;
  private FileChannel channel;
  private String unavailable;

  private StartJournal(Path root, Path file, String unavailable) {
    this.root = root;
    this.file = file;
    this.unavailable = unavailable;
  }

  /**
   * The folder of every build's journals and record ({@link BuildRecord}) of this user: {@code
   * procleak-<user>/builds} in the temporary directory, readable by its owner only.
   */
  public static Path directory() {
    String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
    return Path.of(System.getProperty("java.io.tmpdir"), "procleak-" + user, "builds");
  }

  /**
   * The folder of the build whose cookie is {@code buildCookie} (its last part); empty where that
   * part cannot name a folder.
   */
  static Optional<Path> buildFolder(Path directory, String buildCookie) {
    String[] parts = buildCookie.split(Pattern.quote(String.valueOf(EnvironmentCookie.SEPARATOR)));
    String build = parts[parts.length - 1];
    return PART.matcher(build).matches() ? Optional.of(directory.resolve(build)) : Optional.empty();
  }

  /** The journal of the JVM whose cookie is {@code jvmCookie}, opened at its first start. */
  public static StartJournal of(Path directory, String jvmCookie) {
    Optional<Path> file = fileFor(directory, jvmCookie);
    return file.map(path -> new StartJournal(directory, path, null))
        .orElseGet(
            () ->
                new StartJournal(
                    directory,
                    null,
                    "the JVM's cookie " + jvmCookie + " cannot name a file of its own"));
  }

  /**
   * {@code <directory>/<the build's part of the cookie>/<the JVM's part>.starts}; empty where the
   * cookie's last two parts cannot be file names (a cookie inherited from elsewhere, say).
   */
  static Optional<Path> fileFor(Path directory, String jvmCookie) {
    String[] parts = jvmCookie.split(Pattern.quote(String.valueOf(EnvironmentCookie.SEPARATOR)));
    if (parts.length < 2) {
      return Optional.empty();
    }
    String build = parts[parts.length - 2];
    String jvm = parts[parts.length - 1];
    if (!PART.matcher(build).matches() || !PART.matcher(jvm).matches()) {
      return Optional.empty();
    }
    return Optional.of(directory.resolve(build).resolve(jvm + SUFFIX));
  }

  /** The journals in a build's folder, by the cookie of the JVM that wrote each. */
  static Map<String, Path> journalsIn(Path buildFolder, String buildCookie) {
    Map<String, Path> journals = new HashMap<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(buildFolder, "*" + SUFFIX)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        journals.put(
            buildCookie
                + EnvironmentCookie.SEPARATOR
                + name.substring(0, name.length() - SUFFIX.length()),
            file);
      }
    } catch (IOException | DirectoryIteratorException gone) {
      // none, or no longer
    }
    return journals;
  }

  /** The file, whether or not anything was written yet; null where there can be none. */
  public Path file() {
    return file;
  }

  /** Why starts are not journaled, once writing failed; empty while they are. */
  public synchronized Optional<String> unavailable() {
    return Optional.ofNullable(unavailable);
  }

  /**
   * Appends {@code start} with the scopes running when it was recorded (the innermost ones: one, or
   * several where tests run at the same time). Never throws: a journal that cannot be written says
   * why through {@link #unavailable()}.
   */
  public synchronized void append(JavaStart start, List<ScopeName> running) {
    if (unavailable != null) {
      return;
    }
    String key = "start." + start.sequence() + ".";
    StringBuilder lines = new StringBuilder(512);
    entry(lines, key + "pid", Long.toString(start.pid()));
    entry(lines, key + "at", start.at().toString());
    entry(lines, key + "command", start.command());
    for (int i = 0; i < start.callers().size(); i++) {
      entry(lines, key + "caller." + i, start.callers().get(i));
    }
    for (int i = 0; i < running.size(); i++) {
      ScopeName scope = running.get(i);
      entry(lines, key + "scope." + i + ".name", scope.display());
      if (scope.className() != null) {
        entry(lines, key + "scope." + i + ".className", scope.className());
      }
      if (scope.isMethod()) {
        entry(lines, key + "scope." + i + ".method", scope.method());
        entry(lines, key + "scope." + i + ".invocation", scope.invocation());
      }
    }
    entry(lines, key + WHOLE, "true"); // last: a start a killed JVM did not finish writing lacks it
    ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.ISO_8859_1));
    try {
      if (channel == null) {
        channel = open(root, file.getParent(), file);
      }
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
    } catch (IOException | RuntimeException e) {
      unavailable = "its starts could not be journaled in " + file + ": " + e;
      close();
    }
  }

  /** Closes the file and deletes it, and its build's folder once empty. */
  public synchronized void delete() {
    close();
    if (file != null) {
      delete(file);
    }
  }

  /** Deletes the journal {@code file}, and its build's folder once empty. */
  public static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
      Files.deleteIfExists(file.getParent()); // fails, as it should, while another JVM's is there
    } catch (IOException notYetEmpty) {
      // another JVM of the build journals there
    }
  }

  private void close() {
    try {
      if (channel != null) {
        channel.close();
      }
    } catch (IOException alreadyGone) {
      // nothing to keep
    }
    channel = null;
  }

  private static FileChannel open(Path root, Path folder, Path file) throws IOException {
    createOwnFolder(root, folder);
    return FileChannel.open(
        file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
  }

  /** Creates {@code folder}, below {@code root}, as its owner's only. */
  static void createOwnFolder(Path root, Path folder) throws IOException {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createDirectories(
          folder,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      // In a shared temporary directory, a folder another user made or may write into is not one
      // to write into, nor to trust later.
      Path shared = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
      for (Path above = root.toAbsolutePath();
          above != null && !above.equals(shared);
          above = above.startsWith(shared) ? above.getParent() : null) {
        Set<PosixFilePermission> permissions =
            Files.getPosixFilePermissions(above, LinkOption.NOFOLLOW_LINKS);
        if (Files.isSymbolicLink(above)
            || permissions.contains(PosixFilePermission.GROUP_WRITE)
            || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
          throw new IOException(above + " is a link, or others may write into it");
        }
      }
    } else {
      Files.createDirectories(folder);
    }
  }

  /**
   * What a journal tells: the starts as the JVM recorded them, to trace what it left to its start,
   * and the tests running at each.
   *
   * @param starts the starts, under the JVM's cookie
   * @param scopes the innermost scopes running at each start, by its number
   */
  public record Read(JavaStarts starts, Map<Long, List<ScopeName>> scopes) {
    /** The scopes running when {@code start} was made; empty when none, or not journaled. */
    public List<ScopeName> scopesOf(JavaStart start) {
      return scopes.getOrDefault(start.sequence(), List.of());
    }
  }

  /**
   * Reads the journal {@code file} of the JVM whose cookie is {@code jvmCookie}. A start the JVM
   * did not finish writing (it was killed meanwhile) is skipped; a file gone is an empty journal.
   */
  public static Read read(Path file, String jvmCookie) {
    JavaStarts starts = new JavaStarts(jvmCookie);
    Map<Long, List<ScopeName>> scopes = new HashMap<>();
    Properties journal = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      journal.load(in);
    } catch (IOException | RuntimeException goneOrCut) {
      // what was read before counts
    }
    for (String key : journal.stringPropertyNames()) {
      if (!key.startsWith("start.") || !key.endsWith("." + WHOLE)) {
        continue;
      }
      try {
        String prefix = key.substring(0, key.length() - WHOLE.length());
        long number = Long.parseLong(prefix.substring("start.".length(), prefix.length() - 1));
        starts.add(
            new JavaStart(
                number,
                Long.parseLong(journal.getProperty(prefix + "pid")),
                Instant.parse(journal.getProperty(prefix + "at")),
                journal.getProperty(prefix + "command"),
                numbered(journal, prefix + "caller.", "")));
        List<ScopeName> running = new ArrayList<>();
        for (String name : numbered(journal, prefix + "scope.", ".name")) {
          String scope = prefix + "scope." + running.size() + ".";
          String className = journal.getProperty(scope + "className");
          String method = journal.getProperty(scope + "method");
          running.add(
              className == null
                  ? ScopeName.of(name)
                  : method == null
                      ? ScopeName.testClass(className)
                      : ScopeName.method(
                          className, method, journal.getProperty(scope + "invocation", "")));
        }
        scopes.put(number, List.copyOf(running));
      } catch (RuntimeException notWhole) {
        // a start whose lines another version wrote, or that were changed by hand
      }
    }
    return new Read(starts, scopes);
  }

  /** {@code <prefix>0<suffix>}, {@code <prefix>1<suffix>}, ... while there are such keys. */
  private static List<String> numbered(Properties journal, String prefix, String suffix) {
    List<String> values = new ArrayList<>();
    for (String value; (value = journal.getProperty(prefix + values.size() + suffix)) != null; ) {
      values.add(value);
    }
    return values;
  }

  /**
   * Appends {@code key=value} as one line of a properties file, as {@link
   * Properties#store(java.io.OutputStream, String)} escapes it: ASCII only, every other character
   * (a lone surrogate that stands for a byte that was not UTF-8 too) as its {@code \\u} escape, so
   * that {@link Properties#load(InputStream)} reads back the text as it was. Not {@code store}
   * itself: it formats a date for every call, 60 us a start where this costs a few.
   */
  private static void entry(StringBuilder lines, String key, String value) {
    escape(lines, key, true);
    lines.append('=');
    escape(lines, value == null ? "" : value, false);
    lines.append('\n');
  }

  private static void escape(StringBuilder out, String text, boolean key) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\f' -> out.append("\\f");
        case '=', ':', '#', '!' -> out.append('\\').append(c);
        case ' ' -> out.append(i == 0 || key ? "\\ " : " ");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            out.append("\\u");
            for (int shift = 12; shift >= 0; shift -= 4) {
              out.append(Character.forDigit((c >> shift) & 0xf, 16));
            }
          } else {
            out.append(c);
          }
        }
      }
    }
  }
}
