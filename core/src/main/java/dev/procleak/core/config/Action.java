package dev.procleak.core.config;

/** What a leak does to the test or build. */
public enum Action {
  FAIL,
  WARN
}
