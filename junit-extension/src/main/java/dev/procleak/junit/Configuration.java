package dev.procleak.junit;

import dev.procleak.core.config.ProcleakConfig;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;

/**
 * procleak's settings as Jupiter sees them: junit-platform.properties and system properties.
 * Jupiter only: {@link JunitArming} reads the same where no Jupiter context exists.
 */
final class Configuration {
  private Configuration() {}

  private static final Namespace NAMESPACE = Namespace.create(Configuration.class);

  /**
   * Read once per test run and kept in the root context's store: the parameters do not change
   * during a run, and reading them costs more than a check of a test that started no process. A bad
   * value is not kept, so every checked test fails with it.
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
}
