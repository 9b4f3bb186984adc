import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/**
 * Checks a staged release (the Maven repository layout that .ci/stage-release builds in
 * target/staging) the way Maven Central will: exactly the published artifacts, each with its jar,
 * -sources.jar, -javadoc.jar and pom, every file with its checksums (and its .asc signature with
 * --signed), every pom with a concrete version and, itself or through its parent in the bundle,
 * every element Central requires. Prints the bundle, file by file, and exits non-zero on the
 * first list of problems.
 *
 * <p>{@code java .ci/CheckBundle.java <staging directory> <version> [--signed]}
 */
public final class CheckBundle {
  private static final String GROUP = "dev.procleak";
  private static final String PARENT = "procleak-parent";
  /** What is published, and its packaging; procleak-it, -benchmarks and -test-support are not. */
  private static final Map<String, String> PUBLISHED = Map.of(
      PARENT, "pom",
      "procleak-core", "jar",
      "procleak-junit", "jar",
      "procleak-agent", "jar",
      "procleak-maven-plugin", "maven-plugin");
  /** Checksums Central requires (md5, sha1) and those the Portal's plugin adds. */
  private static final Map<String, String> CHECKSUMS = Map.of(
      "md5", "MD5", "sha1", "SHA-1", "sha256", "SHA-256", "sha512", "SHA-512");

  private final Path staging;
  private final String version;
  private final boolean signed;
  private final List<String> problems = new ArrayList<>();

  private CheckBundle(Path staging, String version, boolean signed) {
    this.staging = staging;
    this.version = version;
    this.signed = signed;
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 2 || args.length > 3 || (args.length == 3 && !args[2].equals("--signed"))) {
      System.err.println("usage: java .ci/CheckBundle.java <staging directory> <version> [--signed]");
      System.exit(2);
    }
    CheckBundle check = new CheckBundle(Path.of(args[0]), args[1], args.length == 3);
    check.run();
    if (!check.problems.isEmpty()) {
      System.err.println("The staged bundle in " + args[0] + " is not ready for Maven Central:");
      check.problems.forEach(problem -> System.err.println("  - " + problem));
      System.exit(1);
    }
  }

  private void run() throws Exception {
    Path group = staging.resolve(GROUP.replace('.', '/'));
    Set<String> artifacts = new TreeSet<>();
    try (Stream<Path> children = Files.list(group)) {
      children.filter(Files::isDirectory).forEach(dir -> artifacts.add(dir.getFileName().toString()));
    }
    if (!artifacts.equals(new TreeSet<>(PUBLISHED.keySet()))) {
      problems.add("the bundle holds " + artifacts + ", not exactly " + new TreeSet<>(PUBLISHED.keySet()));
    }
    Document parent = pom(PARENT);
    for (String artifactId : new TreeSet<>(PUBLISHED.keySet())) {
      Path dir = group.resolve(artifactId).resolve(version);
      if (!Files.isDirectory(dir)) {
        problems.add("no " + artifactId + " " + version);
        continue;
      }
      String packaging = PUBLISHED.get(artifactId);
      List<String> expected = new ArrayList<>(List.of(artifactId + "-" + version + ".pom"));
      if (!packaging.equals("pom")) {
        for (String suffix : List.of(".jar", "-sources.jar", "-javadoc.jar")) {
          expected.add(artifactId + "-" + version + suffix);
        }
      }
      System.out.println(GROUP + ":" + artifactId + ":" + version + " (" + staging.relativize(dir) + ")");
      printFiles(dir);
      for (String name : expected) {
        checkFile(dir.resolve(name));
      }
      checkPom(artifactId, packaging, parent);
      if (!packaging.equals("pom")) {
        checkJars(artifactId, dir);
      }
    }
  }

  /** Each file with the checksums and signature beside it: {@code name  (+ .md5 .sha1 ...)}. */
  private static void printFiles(Path dir) throws IOException {
    Set<String> names = new TreeSet<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.forEach(file -> names.add(file.getFileName().toString()));
    }
    for (String name : names) {
      if (names.stream().anyMatch(other -> name.startsWith(other + ".") && !other.equals(name))) {
        continue; // a checksum or signature, listed with its file
      }
      StringBuilder line = new StringBuilder("  " + name + "  (+");
      names.stream().filter(other -> other.startsWith(name + ".")).map(other -> other.substring(name.length()))
          .forEach(suffix -> line.append(' ').append(suffix));
      System.out.println(line.append(')'));
    }
  }

  /** The file, its checksums (each matching it) and, when signed, its signature. */
  private void checkFile(Path file) throws IOException, NoSuchAlgorithmException {
    if (!Files.isRegularFile(file) || Files.size(file) == 0) {
      problems.add("missing or empty: " + staging.relativize(file));
      return;
    }
    byte[] content = Files.readAllBytes(file);
    for (Map.Entry<String, String> checksum : CHECKSUMS.entrySet()) {
      Path sum = file.resolveSibling(file.getFileName() + "." + checksum.getKey());
      String want = HexFormat.of().formatHex(MessageDigest.getInstance(checksum.getValue()).digest(content));
      if (!Files.isRegularFile(sum)) {
        problems.add("no ." + checksum.getKey() + " for " + staging.relativize(file));
      } else if (!Files.readString(sum, StandardCharsets.US_ASCII).trim().split("\\s+")[0].equalsIgnoreCase(want)) {
        problems.add(staging.relativize(sum) + " does not match the file");
      }
    }
    Path signature = file.resolveSibling(file.getFileName() + ".asc");
    if (signed && !Files.isRegularFile(signature)) {
      problems.add("no signature: " + staging.relativize(signature));
    }
    if (!signed && Files.exists(signature)) {
      problems.add("a signature although signing was skipped: " + staging.relativize(signature));
    }
  }

  private Path pomFile(String artifactId) {
    return staging.resolve(GROUP.replace('.', '/')).resolve(artifactId).resolve(version)
        .resolve(artifactId + "-" + version + ".pom");
  }

  private Document pom(String artifactId) throws Exception {
    Path file = pomFile(artifactId);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try (InputStream in = Files.newInputStream(file)) {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(false);
      return factory.newDocumentBuilder().parse(in);
    }
  }

  /**
   * A concrete version, its own coordinates and packaging, and what Central requires: name,
   * description, url, licenses, developers and scm, in the pom or inherited from the parent in
   * this bundle (name and description are each module's own).
   */
  private void checkPom(String artifactId, String packaging, Document parent) throws Exception {
    Document pom = pom(artifactId);
    if (pom == null) {
      return; // reported as a missing file
    }
    String raw = Files.readString(pomFile(artifactId), StandardCharsets.UTF_8);
    String where = artifactId + "-" + version + ".pom";
    if (text(pom, "/project/parent") != null) {
      String parentRef = text(pom, "/project/parent/groupId") + ":" + text(pom, "/project/parent/artifactId") + ":"
          + text(pom, "/project/parent/version");
      if (!parentRef.equals(GROUP + ":" + PARENT + ":" + version)) {
        problems.add(where + ": its parent is " + parentRef + ", not " + GROUP + ":" + PARENT + ":" + version
            + " of this bundle");
      }
    } else if (!artifactId.equals(PARENT)) {
      problems.add(where + ": no parent, so nothing it requires is inherited");
    }
    String groupId = text(pom, "/project/groupId") != null ? text(pom, "/project/groupId") : text(pom, "/project/parent/groupId");
    String ownVersion = text(pom, "/project/version") != null ? text(pom, "/project/version") : text(pom, "/project/parent/version");
    String coordinates = groupId + ":" + text(pom, "/project/artifactId") + ":" + ownVersion;
    if (!coordinates.equals(GROUP + ":" + artifactId + ":" + version)) {
      problems.add(where + ": its coordinates are " + coordinates);
    }
    String ownPackaging = text(pom, "/project/packaging") == null ? "jar" : text(pom, "/project/packaging");
    if (!ownPackaging.equals(packaging)) {
      problems.add(where + ": packaging " + ownPackaging + ", not " + packaging);
    }
    if (raw.contains("${revision}")) {
      problems.add(where + ": still holds ${revision}");
    }
    for (String own : List.of("/project/name", "/project/description")) {
      if (blank(text(pom, own))) {
        problems.add(where + ": no " + own.substring("/project/".length()));
      }
    }
    for (String required : List.of("/project/url", "/project/licenses/license/name", "/project/licenses/license/url",
        "/project/developers/developer/name", "/project/scm/url", "/project/scm/connection")) {
      String value = blank(text(pom, required)) && parent != null ? text(parent, required) : text(pom, required);
      if (blank(value)) {
        problems.add(where + ": no " + required.substring("/project/".length()) + ", neither its own nor its parent's");
      }
    }
    if (artifactId.equals("procleak-agent") && hasDependency(pom, "org.ow2.asm")) {
      problems.add(where + ": lists ASM as a dependency, although it is shaded inside the jar");
    }
  }

  private static boolean hasDependency(Document pom, String groupId) {
    for (Node dependency : nodes(pom.getDocumentElement(), "dependencies", "dependency")) {
      if (groupId.equals(childText(dependency, "groupId"))) {
        return true;
      }
    }
    return false;
  }

  /** The jar holds classes, the sources jar sources, the javadoc jar an index page; per artifact what it must. */
  private void checkJars(String artifactId, Path dir) throws IOException {
    String base = artifactId + "-" + version;
    Path jar = dir.resolve(base + ".jar");
    Path sources = dir.resolve(base + "-sources.jar");
    Path javadoc = dir.resolve(base + "-javadoc.jar");
    if (!Files.isRegularFile(jar) || !Files.isRegularFile(sources) || !Files.isRegularFile(javadoc)) {
      return; // reported as missing files
    }
    requireEntries(jar, List.of(".class"), base + ".jar");
    requireEntries(sources, List.of(".java"), base + "-sources.jar");
    requireEntries(javadoc, List.of("index.html"), base + "-javadoc.jar");
    try (JarFile plugin = new JarFile(jar.toFile())) {
      if (artifactId.equals("procleak-maven-plugin")) {
        var descriptor = plugin.getEntry("META-INF/maven/plugin.xml");
        String text = descriptor == null ? "" : new String(plugin.getInputStream(descriptor).readAllBytes(), StandardCharsets.UTF_8);
        if (!text.contains("<version>" + version + "</version>") || text.contains("${revision}")) {
          problems.add(base + ".jar: its plugin descriptor does not name version " + version);
        }
      }
      if (artifactId.equals("procleak-agent")) {
        boolean relocated = plugin.stream().anyMatch(e -> e.getName().startsWith("dev/procleak/agent/internal/asm/"));
        boolean original = plugin.stream().anyMatch(e -> e.getName().startsWith("org/objectweb/asm/"));
        if (!relocated || original) {
          problems.add(base + ".jar: ASM is not shaded under dev/procleak/agent/internal/asm alone");
        }
      }
    }
  }

  private void requireEntries(Path jar, List<String> suffixes, String name) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      for (String suffix : suffixes) {
        if (file.stream().noneMatch(entry -> entry.getName().endsWith(suffix))) {
          problems.add(name + " holds no " + suffix);
        }
      }
    }
  }

  /** The text of the element at a simple absolute path (/project/a/b), or null. */
  private static String text(Document pom, String path) {
    String[] steps = path.substring(1).split("/");
    Node node = pom.getDocumentElement();
    if (!node.getNodeName().equals(steps[0])) {
      return null;
    }
    for (int i = 1; i < steps.length && node != null; i++) {
      node = child(node, steps[i]);
    }
    return node == null ? null : node.getTextContent().trim();
  }

  private static List<Node> nodes(Node parent, String list, String item) {
    List<Node> found = new ArrayList<>();
    Node container = child(parent, list);
    for (Node n = container == null ? null : container.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n.getNodeName().equals(item)) {
        found.add(n);
      }
    }
    return found;
  }

  private static String childText(Node parent, String name) {
    Node child = child(parent, name);
    return child == null ? null : child.getTextContent().trim();
  }

  private static Node child(Node parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n.getNodeName().equals(name)) {
        return n;
      }
    }
    return null;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
