/**
 * The {@code parole-screen} subcommand: convicts judged under policy v1 from a CSV file.
 */
@org.springframework.modulith.NamedInterface("cli")
package legion.parole.cli;
