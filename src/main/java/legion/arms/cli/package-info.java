/**
 * The {@code arms-reconcile} subcommand (picocli, no Spring), exposed to the command dispatcher {@code legion.Cli}
 * as the named interface "cli".
 */
@org.springframework.modulith.NamedInterface("cli")
package legion.arms.cli;
