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
        COMMANDS.put("audit-checkpoint",
                () -> new legion.audit.cli.AuditCheckpointCommand(legion.authorization.PkiAuditSigner::fromDatabase));
        COMMANDS.put("verify", legion.authorization.cli.VerifyCommand::new);
        COMMANDS.put("match-names", legion.screening.cli.MatchNamesCommand::new);
        COMMANDS.put("screen", legion.screening.cli.ScreenCommand::new);
        COMMANDS.put("dedupe", legion.screening.cli.DedupeCommand::new);
        COMMANDS.put("parole-screen", legion.parole.cli.ParoleScreenCommand::new);
        COMMANDS.put("arms-reconcile", legion.arms.cli.ArmsReconcileCommand::new);
    }

    /**
     * True when the arguments are not the server's: the first one is a word (options such as
     * {@code --server.port=8080} start the server) or asks for help. A word that names no subcommand is handled too,
     * so that a typo prints the subcommands and exits 2 instead of starting a server that holds the data directory.
     */
    static boolean handles(String[] args) {
        return args.length > 0 && (!args[0].startsWith("-") || isHelp(args[0]));
    }

    static int run(String[] args) {
        CommandLine cli = new CommandLine(new Cli());
        COMMANDS.forEach((name, command) -> cli.addSubcommand(name, command.get()));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        if ("help".equals(args[0]) || isHelp(args[0])) {
            cli.usage(System.out);
            return 0;
        }
        if (!COMMANDS.containsKey(args[0])) {
            System.err.println("legion: '" + printable(args[0]) + "' is not a subcommand. The subcommands are:");
            cli.usage(System.err);
            return 2;
        }
        return cli.execute(Arrays.copyOf(args, args.length));
    }

    private static boolean isHelp(String arg) {
        return "-h".equals(arg) || "--help".equals(arg);
    }

    /** The word as typed, cut short and without control characters, for the error line. */
    private static String printable(String word) {
        String visible = word.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return visible.length() > 40 ? visible.substring(0, 40) + "…" : visible;
    }

    private Cli() {
    }
}
