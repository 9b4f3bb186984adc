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
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

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
    String user = System.getProperty("user.name", "user");
    StringBuilder safe = new StringBuilder(user.length());
    for (int i = 0; i < user.length(); i++) {
      safe.append(isNameChar(user.charAt(i)) ? user.charAt(i) : '_');
    }
    return Path.of(System.getProperty("java.io.tmpdir"), "procleak-" + safe, "builds");
  }

  /**
   * The folder of the build whose cookie is {@code buildCookie} (its last part); empty where that
   * part cannot name a folder.
   */
  static Optional<Path> buildFolder(Path directory, String buildCookie) {
    String build = buildCookie.substring(buildCookie.lastIndexOf(EnvironmentCookie.SEPARATOR) + 1);
    return isFileName(build) ? Optional.of(directory.resolve(build)) : Optional.empty();
  }

  /** The journal of the JVM whose cookie is {@code jvmCookie}, opened at its first start. */
  public static StartJournal of(Path directory, String jvmCookie) {
    // No lambda nor stream here: every armed JVM comes here as it begins, where each costs ms.
    Optional<Path> file = fileFor(directory, jvmCookie);
    return file.isPresent()
        ? new StartJournal(directory, file.get(), null)
        : new StartJournal(
            directory, null, "the JVM's cookie " + jvmCookie + " cannot name a file of its own");
  }

  /**
   * {@code <directory>/<the build's part of the cookie>/<the JVM's part>.starts}; empty where the
   * cookie's last two parts cannot be file names (a cookie inherited from elsewhere, say).
   */
  static Optional<Path> fileFor(Path directory, String jvmCookie) {
    int last = jvmCookie.lastIndexOf(EnvironmentCookie.SEPARATOR);
    String jvm = jvmCookie.substring(last + 1);
    Optional<Path> build = buildFolder(directory, EnvironmentCookie.buildOf(jvmCookie));
    return last < 0 || build.isEmpty() || !isFileName(jvm)
        ? Optional.empty()
        : Optional.of(build.get().resolve(jvm + SUFFIX));
  }

  /**
   * What a cookie's part may be to name a file: a build's {@code artifactId-uuid}, {@code jvm-…};
   * checked by hand, as every armed JVM asks as it begins, where a regular expression costs ms.
   */
  private static boolean isFileName(String part) {
    if (part.isEmpty() || part.charAt(0) == '.') {
      return false;
    }
    for (int i = 0; i < part.length(); i++) {
      if (!isNameChar(part.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isNameChar(int c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '.'
        || c == '_'
        || c == '-';
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
    PropertiesLines.entry(lines, key + "pid", Long.toString(start.pid()));
    PropertiesLines.entry(lines, key + "at", Long.toString(start.at().toEpochMilli()));
    PropertiesLines.entry(lines, key + "command", start.command());
    for (int i = 0; i < start.callers().size(); i++) {
      PropertiesLines.entry(lines, key + "caller." + i, start.callers().get(i));
    }
    for (int i = 0; i < running.size(); i++) {
      ScopeName scope = running.get(i);
      PropertiesLines.entry(lines, key + "scope." + i + ".name", scope.display());
      if (scope.className() != null) {
        PropertiesLines.entry(lines, key + "scope." + i + ".className", scope.className());
      }
      if (scope.isMethod()) {
        PropertiesLines.entry(lines, key + "scope." + i + ".method", scope.method());
        PropertiesLines.entry(lines, key + "scope." + i + ".invocation", scope.invocation());
      }
    }
    PropertiesLines.entry(
        lines, key + WHOLE, "true"); // last: a start a killed JVM did not finish writing lacks it
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

  /**
   * Creates {@code folder}, below {@code root}, as its owner's only. Through the {@code unix:}
   * attributes: {@code PosixFilePermissions} and a permission attribute at creation cost 17 ms
   * cold, in a test JVM, for one folder.
   */
  static void createOwnFolder(Path root, Path folder) throws IOException {
    Files.createDirectories(folder);
    if (!FileSystems.getDefault().supportedFileAttributeViews().contains("unix")) {
      return;
    }
    // In a shared temporary directory, a folder another user made or may write into is not one to
    // write into, nor to trust later: the folders made here are narrowed to their owner.
    Object self = Files.getAttribute(folder, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    Path shared = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
    // From the folder up to root, and procleak-<user> above root where that is in the shared one.
    Path bound = root.toAbsolutePath();
    Path top = bound.getParent();
    if (top != null && !top.equals(shared) && top.startsWith(shared)) {
      bound = top;
    }
    for (Path above = folder.toAbsolutePath();
        above != null && !above.equals(shared) && above.startsWith(bound);
        above = above.getParent()) {
      if (Files.isSymbolicLink(above)
          || !self.equals(Files.getAttribute(above, "unix:uid", LinkOption.NOFOLLOW_LINKS))) {
        throw new IOException(above + " is a link, or another user's");
      }
      int mode = (Integer) Files.getAttribute(above, "unix:mode", LinkOption.NOFOLLOW_LINKS);
      if ((mode & 077) != 0) {
        Files.setPosixFilePermissions(above, ownerOnly());
      }
    }
  }

  private static Set<PosixFilePermission> ownerOnly() {
    return EnumSet.of(
        PosixFilePermission.OWNER_READ,
        PosixFilePermission.OWNER_WRITE,
        PosixFilePermission.OWNER_EXECUTE);
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
                Instant.ofEpochMilli(Long.parseLong(journal.getProperty(prefix + "at"))),
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
}
