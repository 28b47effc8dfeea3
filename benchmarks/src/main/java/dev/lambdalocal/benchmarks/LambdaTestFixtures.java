package dev.lambdalocal.benchmarks;

import dev.lambdalocal.core.LocalLambda;
import dev.lambdalocal.junit.LambdaTest;
import org.junit.jupiter.api.Test;

/**
 * The {@code @LambdaTest} classes of {@link LambdaTestOverheadBenchmark}, next to {@link
 * JUnitFixtures}' plain ones.
 */
final class LambdaTestFixtures {

  private LambdaTestFixtures() {}

  /** One test, invoking the function that {@code @LambdaTest} injects. */
  @LambdaTest(handler = JUnitFixtures.UpperCase.class)
  static final class LambdaTestOne {
    @Test
    void test01(LocalLambda lambda) {
      JUnitFixtures.checkInvoke(lambda, 1);
    }
  }

  /** Twenty tests, invoking the function that {@code @LambdaTest} injects. */
  @LambdaTest(handler = JUnitFixtures.UpperCase.class)
  static final class LambdaTestTwenty {
    @Test
    void test01(LocalLambda lambda) {
      JUnitFixtures.checkInvoke(lambda, 1);
    }

    @Test
    void test02(LocalLambda lambda) {
      JUnitFixtures.checkInvoke(lambda, 2);
    }

    @Test
    void test03(LocalLambda lambda) {
      JUnitFixtures.checkInvoke(lambda, 3);
    }

    @Test
    void test04(LocalLambda lambda) {
      JUnitFixtures.checkInvoke(lambda, 4);
    }

    @Test
    void test05(LocalLambda lambda) {
      JUnitFixtures.checkInvoke(lambda, 5);
    }

    @Test
    void test06(LocalLambda lambda) {
      JUnitFixtures.checkInvoke(lambda, 6);
    }

    @Test
    void test07(LocalLambda lambda) {
      JUnitFixtures.checkInvoke(lambda, 7);
    }

    @Test
    void test08(LocalLambda lambda) {
      JUnitFixtures.checkInvoke(lambda, 8);
    }

    @Test
    void test09(LocalLambda lambda) {
      JUnitFixtures.checkInvoke(lambda, 9);
    }

    @Test
    void test10(LocalLambda lambda) {
      JUnitFixtures.checkInvoke(lambda, 10);
    }

    @Test
    void test11(LocalLambda lambda) {
      JUnitFixtures.checkInvoke(lambda, 11);
    }

    @Test
    void test12(LocalLambda lambda) {
      JUnitFixtures.checkInvoke(lambda, 12);
    }

    @Test
    void test13(LocalLambda lambda) {
      JUnitFixtures.checkInvoke(lambda, 13);
    }

    @Test
    void test14(LocalLambda lambda) {
      JUnitFixtures.checkInvoke(lambda, 14);
    }

    @Test
    void test15(LocalLambda lambda) {
      JUnitFixtures.checkInvoke(lambda, 15);
    }

    @Test
    void test16(LocalLambda lambda) {
      JUnitFixtures.checkInvoke(lambda, 16);
    }

    @Test
    void test17(LocalLambda lambda) {
      JUnitFixtures.checkInvoke(lambda, 17);
    }

    @Test
    void test18(LocalLambda lambda) {
      JUnitFixtures.checkInvoke(lambda, 18);
    }

    @Test
    void test19(LocalLambda lambda) {
      JUnitFixtures.checkInvoke(lambda, 19);
    }

    @Test
    void test20(LocalLambda lambda) {
      JUnitFixtures.checkInvoke(lambda, 20);
    }
  }
}
