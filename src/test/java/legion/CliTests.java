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
}
