package dev.lambdalocal.junit.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

/**
 * Prints and returns its {@code LAMBDALOCAL_COLOR} variable, after waiting until as many
 * invocations as {@link #BARRIER} has parties are running at once.
 */
public class ColorReporter implements RequestHandler<String, String> {

  /** The invocations that must overlap; a test's fixture, used by one run at a time. */
  public static final CyclicBarrier BARRIER = new CyclicBarrier(3);

  @Override
  public String handleRequest(String input, Context context) {
    String before = System.getenv("LAMBDALOCAL_COLOR");
    System.out.println("before " + before);
    try {
      BARRIER.await(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("the invocations did not run at the same time", e);
    }
    String after = System.getenv("LAMBDALOCAL_COLOR");
    System.err.println("after " + after);
    return after;
  }
}
