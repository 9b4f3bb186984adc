package dev.procleak.core.report;

/**
 * Something procleak did not check that the user would believe it did: no test JVM reported, or the
 * tests ran in JVMs procleak could check only as a whole. Every report format says it, so that "no
 * leaked processes" never stands for "nothing was checked".
 *
 * @param nothingChecked whether no test of the module was checked at all (this fails {@code
 *     check}), or only the whole test JVM was (a warning)
 * @param message what was not checked, why, and what to change; one paragraph
 */
public record CheckGap(boolean nothingChecked, String message) {}
