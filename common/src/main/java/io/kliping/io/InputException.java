package io.kliping.io;

/** Input that cannot be read at all (a path that matches nothing): the run fails before work. */
public final class InputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InputException(String message) {
    super(message);
  }
}
