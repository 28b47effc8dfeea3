package dev.lambdalocal.junit.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.concurrent.CountDownLatch;

/** Waits until it is interrupted, as a handler that overruns its timeout. */
public class Sleeper implements RequestHandler<String, String> {

  @Override
  public String handleRequest(String input, Context context) {
    try {
      new CountDownLatch(1).await();
      return "never";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }
}
