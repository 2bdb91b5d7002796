/**
 * The {@code audit-verify} and {@code audit-checkpoint} subcommands, run without Spring. Exposed so that {@code legion.Cli} can register them.
 */
@org.springframework.modulith.NamedInterface("cli")
package legion.audit.cli;
