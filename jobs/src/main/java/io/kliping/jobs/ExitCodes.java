package io.kliping.jobs;

/**
 * Exit codes a scheduler can act on (after sysexits.h). Documented in README.md.
 */
public final class ExitCodes {
  /** The run finished and its tables are published. */
  public static final int OK = 0;
  /** Bad command line or configuration: nothing was run. Fix the call, do not retry. */
  public static final int USAGE = 64;
  /** An input path matches nothing, or an input table lacks the date: nothing was run. */
  public static final int NO_INPUT = 66;
  /** The run failed while working (Spark or I/O error, a failed consistency check). Retry. */
  public static final int FAILED = 70;

  private ExitCodes() {}
}
