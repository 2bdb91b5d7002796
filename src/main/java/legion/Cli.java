package legion;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The subcommands of {@code legion.jar}: offline tools and operations that run without the web server.
 * Each subcommand is a picocli command living in its feature module; this class only dispatches.
 */
@Command(name = "legion", mixinStandardHelpOptions = true,
        description = "Legion enlistment pipeline. Without a subcommand the server starts.")
public final class Cli {

    private static final Map<String, Supplier<Object>> COMMANDS = new TreeMap<>();

    static {
        // Feature modules register their subcommands here (name -> picocli @Command instance).
        COMMANDS.put("audit-verify", legion.audit.cli.AuditVerifyCommand::new);
        COMMANDS.put("verify", legion.authorization.cli.VerifyCommand::new);
        COMMANDS.put("match-names", legion.screening.cli.MatchNamesCommand::new);
        COMMANDS.put("screen", legion.screening.cli.ScreenCommand::new);
        COMMANDS.put("dedupe", legion.screening.cli.DedupeCommand::new);
        COMMANDS.put("arms-reconcile", legion.arms.cli.ArmsReconcileCommand::new);
    }

    /** True when the first argument names a subcommand (or asks for the command list). */
    static boolean handles(String[] args) {
        return args.length > 0 && (COMMANDS.containsKey(args[0]) || "help".equals(args[0]));
    }

    static int run(String[] args) {
        CommandLine cli = new CommandLine(new Cli());
        COMMANDS.forEach((name, command) -> cli.addSubcommand(name, command.get()));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        if ("help".equals(args[0])) {
            cli.usage(System.out);
            return 0;
        }
        return cli.execute(Arrays.copyOf(args, args.length));
    }

    private Cli() {
    }
}
