/**
 * The {@code match-names}, {@code screen} and {@code dedupe} subcommands (picocli, no Spring).
 */
package legion.screening.cli;
