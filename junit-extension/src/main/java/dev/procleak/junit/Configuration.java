package dev.procleak.junit;

import dev.procleak.core.config.ProcleakConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.extension.ExtensionContext;

/** procleak's settings as JUnit sees them: junit-platform.properties and system properties. */
final class Configuration {
  private Configuration() {}

  static ProcleakConfig of(ExtensionContext context) {
    return ProcleakConfig.from(context::getConfigurationParameter);
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
