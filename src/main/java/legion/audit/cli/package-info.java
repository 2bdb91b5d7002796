/**
 * The {@code audit-verify} subcommand, run without Spring. Exposed so that {@code legion.Cli} can register it.
 */
@org.springframework.modulith.NamedInterface("cli")
package legion.audit.cli;
