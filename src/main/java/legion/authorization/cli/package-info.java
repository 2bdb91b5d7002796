/**
 * The {@code verify} subcommand: offline seal verification without Spring. Exposed so that {@code legion.Cli} can
 * register it.
 */
@org.springframework.modulith.NamedInterface("cli")
package legion.authorization.cli;
