package dev.procleak.junit;

import dev.procleak.core.config.ProcleakConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;

/** procleak's settings as JUnit sees them: junit-platform.properties and system properties. */
final class Configuration {
  private Configuration() {}

  private static final Namespace NAMESPACE = Namespace.create(Configuration.class);

  /**
   * Read once per test run and kept in the root context's store: the parameters do not change
   * during a run, and reading them costs more than a check of a test that started no process. A
   * bad value is not kept, so every checked test fails with it.
   */
  static ProcleakConfig of(ExtensionContext context) {
    Store root = context.getRoot().getStore(NAMESPACE);
    ProcleakConfig known = root.get(ProcleakConfig.class, ProcleakConfig.class);
    if (known == null) {
      known = ProcleakConfig.from(context::getConfigurationParameter);
      root.put(ProcleakConfig.class, known);
    }
    return known;
  }

  /** The same settings where no JUnit context exists yet, as when the launcher session opens. */
  static ProcleakConfig ofJvm() {
    Properties file = new Properties();
    try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("junit-platform.properties")) {
      if (in != null) {
        file.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("procleak could not read junit-platform.properties", e);
    }
    return ProcleakConfig.from(
        key -> Optional.ofNullable(System.getProperty(key, file.getProperty(key))));
  }
}
