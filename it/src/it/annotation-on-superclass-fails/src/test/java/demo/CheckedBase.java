package demo;

import dev.procleak.junit.DetectProcessLeaks;

/** The team's base class: every test class extending it is checked. */
@DetectProcessLeaks
abstract class CheckedBase {}
