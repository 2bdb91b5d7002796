package legion.audit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import legion.audit.cli.AuditCheckpointCommand;
import legion.audit.cli.AuditVerifyCommand;
import legion.authorization.PkiAuditSigner;
import legion.support.TestDatabase;
import picocli.CommandLine;

/** Runs the real {@code audit-verify} and {@code audit-checkpoint} subcommands against a test database. */
record AuditCli(String url, String user, String password) {

    record Run(int exit, String out) {
    }

    Run verify(Path dataDir, String... extra) {
        return run(new AuditVerifyCommand(), false, dataDir, extra);
    }

    Run checkpoint(Path dataDir, String... extra) {
        return run(new AuditCheckpointCommand(PkiAuditSigner::fromDatabase), true, dataDir, extra);
    }

    private Run run(Object command, boolean signs, Path dataDir, String... extra) {
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + url,
                "--spring.datasource.username=" + user, "--spring.datasource.password=" + password,
                "--legion.data-dir=" + dataDir));
        if (List.of(extra).stream().noneMatch(a -> a.startsWith("--legion.audit.mac-key="))) {
            args.add("--legion.audit.mac-key=" + TestDatabase.AUDIT_MAC_KEY);
        }
        if (signs && List.of(extra).stream().noneMatch(a -> a.startsWith("--legion.authorization.keystore-password="))) {
            args.add("--legion.authorization.keystore-password=test-keystore-password");
        }
        args.addAll(List.of(extra));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        PrintStream both = new PrintStream(out, true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
        try {
            int exit = new CommandLine(command).execute(args.toArray(String[]::new));
            // the application's log lines (other threads write to the same console) are not the command's output
            String text = out.toString(StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.matches("^\\d{4}-\\d\\d-\\d\\dT.*"))
                    .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
            return new Run(exit, text);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
