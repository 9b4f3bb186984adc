package dev.procleak.core.config;

/** A setting with a value procleak cannot use; the message names the key and the value. */
public final class InvalidConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidConfigurationException(String key, String value, String expected) {
    super("procleak: invalid value '" + value + "' for " + key + ": expected " + expected);
  }
}
