package legion.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which saved paths an officer may land on after signing in (ADR 0128). */
class DeepLinkTest {

    @ParameterizedTest
    @ValueSource(strings = {"/console", "/console/", "/console/cases", "/console/cases/LGN-3NQK-5XTZ",
            "/console/admin/outbox", "/console/reports/funnel.csv"})
    void consolePagesAreFollowed(String path) {
        assertThat(SecondFactor.safeConsolePath(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example/console", "/console/../login", "/console/..", "https://evil.example/console",
            "/console\\evil", "/consolex", "/status", "/console//evil.example", "/console/%2e%2e/x", "", "/login/code"})
    void anythingElseIsNot(String path) {
        assertThat(SecondFactor.safeConsolePath(path)).isFalse();
    }
}
