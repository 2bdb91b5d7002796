/**
 * The {@code match-names}, {@code screen} and {@code dedupe} subcommands (picocli, no Spring), exposed to the
 * command dispatcher {@code legion.Cli} as the named interface "cli".
 */
@org.springframework.modulith.NamedInterface("cli")
package legion.screening.cli;
