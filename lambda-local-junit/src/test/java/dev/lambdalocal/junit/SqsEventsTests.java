package dev.lambdalocal.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.lambdalocal.core.LocalLambda;
import dev.lambdalocal.junit.handlers.SqsCounter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;

/** Parameterized tests over event folders and lists. */
@LambdaTest(handler = SqsCounter.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Execution(ExecutionMode.SAME_THREAD)
class SqsEventsTests {

  private final List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
  private final List<Integer> recursiveSizes = Collections.synchronizedList(new ArrayList<>());

  // tag::folder[]
  @ParameterizedTest
  @EventSource(folder = "events/sqs", type = SQSEvent.class)
  void countsEveryBatch(SQSEvent batch, LocalLambda lambda) {
    int count = lambda.invoke(batch).returnValue(Integer.class);

    assertThat(count).isEqualTo(batch.getRecords().size());
    sizes.add(count);
  }

  // end::folder[]

  @ParameterizedTest
  @EventSource(folder = "events/sqs", recursive = true)
  void subFoldersOnRequest(SQSEvent batch) {
    recursiveSizes.add(batch.getRecords().size());
  }

  @ParameterizedTest
  @EventSource(files = {"events/sqs/more/c-three.json", "events/sqs/a-one.json"})
  void filesInTheirOrder(SQSEvent batch, LocalLambda lambda) {
    assertThat(lambda.invoke(batch).returnValue(Integer.class)).isIn(3, 1);
  }

  @AfterAll
  void foldersAreSortedAndSkipOtherFiles() {
    // a-one.json (1 message), b-two.json (2), more/c-three.json (3); README.md is no event.
    assertThat(sizes).containsExactly(1, 2);
    assertThat(recursiveSizes).containsExactly(1, 2, 3);
  }
}
