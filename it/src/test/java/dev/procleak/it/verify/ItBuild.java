package dev.procleak.it.verify;

import com.fasterxml.jackson.jr.ob.JSON;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.procleak.it.fixtures.OwnLibraries;
import dev.procleak.testsupport.processes.ProcessIdentity;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * What one invoker build did, for its {@code verify.groovy}: its {@code build.log}, the reports
 * procleak wrote under {@code target/procleak/}, and the processes it left.
 *
 * <pre>{@code
 * ItBuild.verify(basedir, binding.variables, ['sleep 60.2']) { build ->
 *   build.failed()
 *   build.hasBlock('procleak: 1 process leaked by demo.OrphanTest.orphan():', ...)
 * }
 * }</pre>
 */
public final class ItBuild {
  /** Long enough for PID 1 to reap a zombie handed to it, and for a short helper to finish. */
  static final Duration PATIENCE = Duration.ofSeconds(10);

  /** The last line of every failure of the JUnit extension. */
  public static final String JUNIT_SWITCHES =
      "To report without failing set procleak.action=warn; to keep leaked processes"
          + " for debugging set procleak.cleanup=false.";

  /** The last line of check's report. */
  public static final String CHECK_SWITCHES =
      "To report without failing the build set -Dprocleak.action=warn; to skip"
          + " procleak set -Dprocleak.skip=true.";

  private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]");
  private static final Pattern PID = Pattern.compile("\\bpid (\\d+)\\b");

  private final Path basedir;
  private final String artifactId;
  private final List<String> lines;
  private final Map<?, ?> variables;

  ItBuild(Path basedir) {
    this(basedir, Map.of());
  }

  ItBuild(Path basedir, Map<?, ?> variables) {
    this.basedir = basedir;
    this.variables = variables;
    this.artifactId = basedir.getFileName().toString();
    try {
      this.lines =
          Files.readAllLines(basedir.resolve("build.log"), StandardCharsets.UTF_8).stream()
              .map(line -> ANSI.matcher(line).replaceAll(""))
              .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("no build.log in " + basedir, e);
    }
  }

  /**
   * Runs {@code checks} on the build in {@code basedir}, then, whatever they found, makes sure the
   * build left no process behind: what it left is killed by identity and fails the check.
   *
   * @param variables the script's variables; {@code expectedMavenVersion}, when set, is the Maven
   *     version the build must have run with
   * @param markers strings in the command lines of the build's own processes (see {@link
   *     Leftovers}); the artifactId must be the directory's name, for the cookie
   */
  public static void verify(
      File basedir, Map<?, ?> variables, List<String> markers, Consumer<ItBuild> checks) {
    verify(basedir, variables, markers, checks, PATIENCE);
  }

  static void verify(
      File basedir,
      Map<?, ?> variables,
      List<String> markers,
      Consumer<ItBuild> checks,
      Duration patience) {
    ItBuild build = new ItBuild(basedir.toPath(), variables);
    AssertionError failure = null;
    try {
      Object maven = variables.get("expectedMavenVersion");
      if (maven != null && !maven.toString().isBlank()) {
        build.hasLineMatching("Apache Maven " + Pattern.quote(maven.toString()) + "( .*)?");
      }
      checks.accept(build);
    } catch (AssertionError | RuntimeException e) {
      failure =
          e instanceof AssertionError ? (AssertionError) e : new AssertionError(e.toString(), e);
    }
    List<String> left;
    try {
      left =
          new Leftovers(build.basedir, markers, build.artifactId, build.reportedIdentities())
              .awaitGoneOrKill(patience);
    } catch (RuntimeException | AssertionError e) {
      left = List.of("the check for leftovers failed: " + e);
    }
    if (!left.isEmpty()) {
      // Every pid the log names is covered by the scan: each one the build made is found by
      // its directory, marker, cookie, reported identity or parent; a pid found alive that is
      // none of these has been reused by someone else's process since.
      Set<Long> named = build.pidsInLog();
      List<String> described = new ArrayList<>();
      for (String process : left) {
        Matcher pid = Pattern.compile("^pid (\\d+) ").matcher(process);
        boolean inLog = pid.find() && named.contains(Long.parseLong(pid.group(1)));
        described.add(process + (inLog ? "  [named in build.log]" : ""));
      }
      AssertionError leftovers =
          new AssertionError(
              "the build left processes behind (now killed):\n  " + String.join("\n  ", described));
      if (failure != null) {
        failure.addSuppressed(leftovers);
      } else {
        failure = leftovers;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** A regular expression that matches {@code text} literally. */
  public static String q(String text) {
    return Pattern.quote(text);
  }

  /**
   * What the invoker build's tests wrote into {@code target/facts-*.properties} (a reactor's
   * modules: {@code <module>/target/facts-*.properties}): the pids they know themselves (the test
   * JVM, the processes they started), to compare with what procleak says, independently of
   * procleak's own report.
   */
  public long fact(String key) {
    Properties facts = new Properties();
    List<Path> targets = new ArrayList<>(List.of(basedir.resolve("target")));
    // A reactor's modules write theirs into their own target folders.
    try (DirectoryStream<Path> modules = Files.newDirectoryStream(basedir, Files::isDirectory)) {
      modules.forEach(module -> targets.add(module.resolve("target")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Path target : targets) {
      if (!Files.isDirectory(target)) {
        continue;
      }
      try (DirectoryStream<Path> files = Files.newDirectoryStream(target, "facts-*.properties")) {
        for (Path file : files) {
          try (Reader reader = Files.newBufferedReader(file)) {
            facts.load(reader);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    String value = facts.getProperty(key);
    if (value == null) {
      throw new AssertionError(
          "the test did not record '" + key + "' in target/facts-*.properties: " + facts);
    }
    return Long.parseLong(value.trim());
  }

  public List<String> lines() {
    return lines;
  }

  public ItBuild failed() {
    return hasLine("[INFO] BUILD FAILURE");
  }

  public ItBuild passed() {
    return hasLine("[INFO] BUILD SUCCESS");
  }

  public ItBuild hasLine(Object expected) {
    String line = expected.toString();
    if (!lines.contains(line)) {
      throw new AssertionError("build.log has no line\n" + line + "\n" + excerpt());
    }
    return this;
  }

  public ItBuild hasLineMatching(Object regex) {
    Pattern pattern = Pattern.compile(regex.toString());
    if (lines.stream().noneMatch(line -> pattern.matcher(line).matches())) {
      throw new AssertionError("build.log has no line matching\n" + regex + "\n" + excerpt());
    }
    return this;
  }

  /**
   * A test of the build called the fixtures' {@code OwnLibraries.used()} on the build's own, older
   * libraries: their SLF4J binding logged its line, and SLF4J printed no warning.
   */
  public ItBuild usedItsOwnLibraries() {
    hasLineMatching(OwnLibraries.LOGGED);
    return lacks("SLF4J: ");
  }

  /** Fails if any line contains {@code text}. */
  public ItBuild lacks(String text) {
    List<String> found = lines.stream().filter(line -> line.contains(text)).toList();
    if (!found.isEmpty()) {
      throw new AssertionError(
          "build.log should not contain '" + text + "' but has:\n" + String.join("\n", found));
    }
    return this;
  }

  /** How many lines equal {@code line}. */
  public int count(String line) {
    return (int) lines.stream().filter(line::equals).count();
  }

  /**
   * What {@link #AGE_TOKEN} in a line of {@link #hasMessage} matches: a process's age, which
   * varies.
   */
  public static final String AGE = "age [0-9][0-9.]*[smh]( [0-9]{2}[sm])?";

  public static final String AGE_TOKEN = "{age}";

  /**
   * These lines, consecutive, somewhere in the log: exactly so, but for {@code {age}}, which stands
   * for a process's age ({@code age 0.6s}).
   */
  public ItBuild hasMessage(Object... block) {
    return hasBlockMatching(Arrays.stream(block).map(line -> ageLine(line.toString())).toArray());
  }

  /**
   * The lines of a message that say where its leaks were started and what they hold: in a block,
   * and after the blocks, where the test JVM recorded no starts.
   */
  static boolean isTraceLine(String line) {
    String text = line.stripLeading();
    return line.startsWith("    ")
            && (text.startsWith("started by: ")
                || text.startsWith("started at: ")
                || text.startsWith("cwd "))
        || line.startsWith(NOT_RECORDED);
  }

  /** Where the test JVM recorded no starts, a message says so once, after its blocks. */
  public static final String NOT_RECORDED = "Where they were started is not recorded: ";

  /**
   * One of {@code check}'s messages, as {@link #hasMessage} matches it, wherever it comes among the
   * others: only the first of them carries Maven's {@code [ERROR]}, and which scope's comes first
   * can vary (forks, providers, parallel tests).
   */
  public ItBuild hasCheckMessage(Object header, Object... lines) {
    Object[] block = new Object[lines.length + 1];
    block[0] = "(\\[ERROR\\] )?" + Pattern.quote(header.toString());
    for (int i = 0; i < lines.length; i++) {
      block[i + 1] = ageLine(lines[i].toString());
    }
    return hasBlockMatching(block);
  }

  private static String ageLine(String line) {
    return Arrays.stream(line.split(Pattern.quote(AGE_TOKEN), -1))
        .map(Pattern::quote)
        .collect(Collectors.joining(AGE));
  }

  /** These lines, consecutive and exactly so, somewhere in the log. */
  public ItBuild hasBlock(Object... block) {
    return hasBlockMatching(
        Arrays.stream(block).map(line -> Pattern.quote(line.toString())).toArray());
  }

  /** Consecutive lines, each matching the regular expression at its place. */
  public ItBuild hasBlockMatching(Object... block) {
    // A block that does not spell out where its leaks were started and what they held is
    // matched against the log without those lines; one that does, exactly.
    boolean tracesOrigin =
        Arrays.stream(block)
            .map(Object::toString)
            .anyMatch(
                line ->
                    line.contains("started by: ")
                        || line.contains("started at: ")
                        || line.contains("cwd ")
                        || line.contains(NOT_RECORDED));
    return hasBlockMatching(
        tracesOrigin ? lines : lines.stream().filter(line -> !isTraceLine(line)).toList(), block);
  }

  private ItBuild hasBlockMatching(List<String> lines, Object... block) {
    List<Pattern> patterns =
        Arrays.stream(block).map(line -> Pattern.compile(line.toString())).toList();
    for (int start = 0; start + patterns.size() <= lines.size(); start++) {
      boolean all = true;
      for (int i = 0; i < patterns.size() && all; i++) {
        all = patterns.get(i).matcher(lines.get(start + i)).matches();
      }
      if (all) {
        return this;
      }
    }
    throw new AssertionError(
        "build.log has no block of lines matching\n  "
            + Arrays.stream(block).map(Object::toString).collect(Collectors.joining("\n  "))
            + "\n"
            + excerpt());
  }

  /**
   * Every {@code pid N} the log names, in order; but for the origins named on {@code started by:}
   * lines (a shell that exited, say), which the builds that spell them out check exactly.
   */
  public Set<Long> pidsInLog() {
    Set<Long> pids = new LinkedHashSet<>();
    for (String line : lines) {
      if (line.stripLeading().startsWith("started by: pid ")) {
        continue;
      }
      Matcher m = PID.matcher(line);
      while (m.find()) {
        pids.add(Long.parseLong(m.group(1)));
      }
    }
    return pids;
  }

  /**
   * Fails if the log names any pid but these: procleak blamed no process the tests did not make.
   */
  public ItBuild namesOnlyPids(Object... pids) {
    Set<Long> allowed =
        Arrays.stream(pids).map(pid -> Long.parseLong(pid.toString())).collect(Collectors.toSet());
    Set<Long> others = new LinkedHashSet<>(pidsInLog());
    others.removeAll(allowed);
    if (!others.isEmpty()) {
      throw new AssertionError(
          "build.log names pids " + others + " besides the expected " + allowed + "\n" + excerpt());
    }
    return this;
  }

  /** A file the build wrote, as text; fails if it is missing. */
  public String text(String relativePath) {
    try {
      return Files.readString(basedir.resolve(relativePath), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError("the build wrote no " + relativePath + ": " + e, e);
    }
  }

  /**
   * {@code target/procleak/procleak-report.json}, validated against the JSON Schema in the
   * repository (the script variable {@code reportSchema}); fails if it does not match.
   */
  public Map<String, Object> validatedJsonReport() {
    return validatedJson("target/procleak/procleak-report.json");
  }

  /**
   * A file in procleak's JSON report format ({@code procleak-report/1}, which {@code scan} writes
   * too), validated against the JSON Schema in the repository (the script variable {@code
   * reportSchema}); fails if it does not match.
   */
  public Map<String, Object> validatedJson(String relativePath) {
    String json = text(relativePath);
    Path schemaFile = Path.of(variable("reportSchema"));
    List<Error> errors;
    try (InputStream schema = Files.newInputStream(schemaFile)) {
      errors =
          SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
              .getSchema(schema)
              .validate(json, InputFormat.JSON);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!errors.isEmpty()) {
      throw new AssertionError(
          relativePath + " does not match " + schemaFile + ": " + errors + "\n" + json);
    }
    try {
      return JSON.std.mapFrom(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code target/procleak/TEST-procleak.xml}, validated against Surefire's own XSD (the script
   * variable {@code surefireXsd}, unpacked from Surefire's source release); fails if it does not
   * match.
   */
  public Document validatedJunitXml() {
    Path xml = basedir.resolve("target/procleak/TEST-procleak.xml");
    Path xsd = Path.of(variable("surefireXsd"));
    try {
      SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
          .newSchema(xsd.toFile())
          .newValidator()
          .validate(new StreamSource(xml.toFile()));
      return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
    } catch (SAXException e) {
      throw new AssertionError(xml + " does not match " + xsd + ": " + e.getMessage(), e);
    } catch (IOException | ParserConfigurationException e) {
      throw new AssertionError("cannot read " + xml + " or " + xsd + ": " + e, e);
    }
  }

  private String variable(String name) {
    Object value = variables.get(name);
    if (value == null || value.toString().isBlank()) {
      throw new AssertionError(
          "the script variable '" + name + "' is not set (it/pom.xml sets it for invoker)");
    }
    return value.toString();
  }

  /** The test JVM reports procleak wrote, one map per {@code target/procleak/jvm-*.json}. */
  public List<Map<String, Object>> reports() {
    List<Map<String, Object>> reports = new ArrayList<>();
    Path directory = basedir.resolve("target/procleak");
    if (!Files.isDirectory(directory)) {
      return reports;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "jvm-*.json")) {
      for (Path file : files) {
        reports.add(JSON.std.mapFrom(Files.readString(file)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return reports;
  }

  /** The only test JVM report; fails unless there is exactly one. */
  public Map<String, Object> report() {
    List<Map<String, Object>> reports = reports();
    if (reports.size() != 1) {
      throw new AssertionError(
          "expected one test JVM report in target/procleak, found " + reports.size());
    }
    return reports.get(0);
  }

  /** The pid of the only test JVM. */
  public long testJvm() {
    return ((Number) report().get("pid")).longValue();
  }

  /** Every leak in every report. */
  @SuppressWarnings("unchecked")
  public List<Map<String, Object>> leaks() {
    List<Map<String, Object>> leaks = new ArrayList<>();
    for (Map<String, Object> report : reports()) {
      leaks.addAll((List<Map<String, Object>>) report.get("leaks"));
    }
    return leaks;
  }

  /** The only reported leak of this kind and command; fails unless there is exactly one. */
  public Map<String, Object> leak(String kind, String command) {
    List<Map<String, Object>> found =
        leaks().stream()
            .filter(leak -> kind.equals(leak.get("kind")) && command.equals(leak.get("command")))
            .toList();
    if (found.size() != 1) {
      throw new AssertionError(
          "expected one "
              + kind
              + " '"
              + command
              + "' in the reports, found "
              + found.size()
              + "; all leaks: "
              + leaks());
    }
    return found.get(0);
  }

  /** Each reported leak as {@code pid=N start=T}: exactly the processes procleak named. */
  private List<ProcessIdentity> reportedIdentities() {
    try {
      return leaks().stream()
          .map(
              leak ->
                  new ProcessIdentity(
                      ((Number) leak.get("pid")).longValue(),
                      ((Number) leak.get("startTime")).longValue()))
          .toList();
    } catch (RuntimeException unreadable) {
      return List.of(); // the directory, markers and cookie still find them
    }
  }

  /** The lines that mention procleak or the build's result, for failure messages. */
  private String excerpt() {
    List<String> relevant = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.contains("procleak")
          || line.contains("BUILD ")
          || line.startsWith("  ")
          || line.contains("Tests run:")
          || line.startsWith("            ")) {
        relevant.add(line);
      }
    }
    return "relevant lines of "
        + basedir.resolve("build.log")
        + ":\n"
        + relevant.stream().limit(200).collect(Collectors.joining("\n"));
  }
}
