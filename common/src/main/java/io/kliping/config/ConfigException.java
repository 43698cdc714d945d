package io.kliping.config;

/**
 * A bad configuration value or command-line argument. Jobs turn it into one clear message and
 * the usage exit code before any Spark work starts.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
