package dev.procleak.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rules judge, cleanup acts, the session decides: which core packages each package may use, read
 * from the imports of its sources. A newcomer who adds an import across a layer learns it here.
 */
class PackageLayersTest {
  private static final Path SOURCES = Path.of("src/main/java/dev/procleak/core");
  private static final Pattern IMPORT =
      Pattern.compile("^import dev\\.procleak\\.core\\.([a-z]+)\\.", Pattern.MULTILINE);

  private static final Map<String, Set<String>> ALLOWED =
      Map.of(
          "os", Set.of(),
          "config", Set.of(),
          "scan", Set.of("os"),
          "origin", Set.of("os", "scan"),
          "model", Set.of("config", "origin", "os", "scan"),
          "leak", Set.of("config", "model", "origin", "os", "scan"),
          "cleanup", Set.of("model", "os", "scan"),
          "report", Set.of("model", "origin", "os", "scan"));

  static Stream<String> layeredPackages() {
    return ALLOWED.keySet().stream().sorted();
  }

  @ParameterizedTest
  @MethodSource("layeredPackages")
  void usesOnlyThePackagesBelowIt(String layer) throws IOException {
    Set<String> used = new TreeSet<>();
    try (Stream<Path> files = Files.walk(SOURCES.resolve(layer))) {
      for (Path file :
          (Iterable<Path>) files.filter(path -> path.toString().endsWith(".java"))::iterator) {
        Matcher imported = IMPORT.matcher(Files.readString(file));
        while (imported.find()) {
          if (!imported.group(1).equals(layer)) {
            used.add(imported.group(1));
          }
        }
      }
    }
    assertThat(used).as("core packages that %s imports", layer).isSubsetOf(ALLOWED.get(layer));
  }
}
