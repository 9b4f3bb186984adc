package dev.procleak.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fails a test that leaves a zombie, an orphan or a lingering child process behind, names each one,
 * and cleans them up.
 *
 * <p>On a class, every test method is checked, and so is the class as a whole (what
 * {@code @BeforeAll} starts and {@code @AfterAll} does not stop). On a method, only that method.
 * Each repetition of a {@code @RepeatedTest}, each invocation of a {@code @ParameterizedTest} and
 * each dynamic test of a {@code @TestFactory} is a scope of its own. Settings are JUnit
 * configuration parameters: {@code procleak.action}, {@code procleak.cleanup}, {@code
 * procleak.grace}, {@code procleak.ignore}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(ProcessLeakExtension.class)
public @interface DetectProcessLeaks {

  /**
   * Regular expressions searched anywhere in a process's command line: a matching process, and
   * everything below it, is neither reported nor killed. Added to {@code procleak.ignore} and to
   * the {@code ignore} of the annotations on enclosing classes.
   */
  String[] ignore() default {};
}
