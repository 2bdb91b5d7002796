package legion;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CliTests {

    @Test
    void dispatchesVerifyWithoutStartingTheServer() {
        assertThat(Cli.handles(new String[] {"verify"})).isTrue();
        // bad input: picocli reports the missing options and exits 2, no Spring context involved
        assertThat(Cli.run(new String[] {"verify", "--hex", "DC"})).isEqualTo(2);
    }

    @Test
    void dispatchesArmsReconcile() {
        assertThat(Cli.handles(new String[] {"arms-reconcile"})).isTrue();
        assertThat(Cli.run(new String[] {"arms-reconcile", "--register", "r.csv"})).isEqualTo(2); // options missing
    }

    @Test
    void aWordThatIsNoSubcommandPrintsTheSubcommandsAndExitsTwoWithoutStartingTheServer() {
        java.io.PrintStream realErr = System.err;
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        int exit;
        try {
            assertThat(Cli.handles(new String[] {"verfiy", "--hex", "DC"})).isTrue();
            exit = Cli.run(new String[] {"verfiy", "--hex", "DC"});
        } finally {
            System.setErr(realErr);
        }
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("'verfiy' is not a subcommand").contains("verify", "audit-verify", "match-names");
    }

    @Test
    void auditCheckpointIsASubcommandAndRefusesBadInputWithExitTwo() {
        assertThat(Cli.handles(new String[] {"audit-checkpoint"})).isTrue();
        java.io.PrintStream realErr = System.err;
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            assertThat(Cli.run(new String[] {"audit-checkpoint", "--legion.data-dir=/nonexistent"})).isEqualTo(2);
            assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("--output");
            assertThat(Cli.run(new String[] {"audit-checkpoint", "--output=/tmp/legion-never-written",
                    "--legion.data-dir=/nonexistent"})).isEqualTo(2);
            assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("no audit MAC key");
            assertThat(Cli.run(new String[] {"audit-verify", "--checkpoint=/nonexistent/file",
                    "--legion.data-dir=/nonexistent"})).isEqualTo(2);
        } finally {
            System.setErr(realErr);
        }
        assertThat(java.nio.file.Files.exists(java.nio.file.Path.of("/tmp/legion-never-written"))).isFalse();
    }

    @Test
    void optionsAloneStartTheServer() {
        assertThat(Cli.handles(new String[] {"--server.port=0", "--legion.demo.enabled=false"})).isFalse();
        assertThat(Cli.handles(new String[] {})).isFalse();
        assertThat(Cli.handles(new String[] {"--help"})).isTrue();
    }
}
