package dev.procleak.core.scan;

import java.util.List;

/**
 * Every process on the machine, as one platform lists them, where no cheap walk of one subtree
 * exists (macOS, Windows). {@link AncestryScanner} finds a root's descendants in it.
 */
interface ProcessListing {

  /** Every process now; none of them marked adopted (the listing cannot know). */
  List<ProcessInfo> all();

  /** One process now, or null when it is gone. */
  ProcessInfo lookup(long pid);
}
