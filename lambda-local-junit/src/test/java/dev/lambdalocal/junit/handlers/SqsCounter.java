package dev.lambdalocal.junit.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;

/** Returns the number of messages in a batch. */
public class SqsCounter implements RequestHandler<SQSEvent, Integer> {

  @Override
  public Integer handleRequest(SQSEvent event, Context context) {
    return event.getRecords().size();
  }
}
