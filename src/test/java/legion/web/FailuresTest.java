package legion.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FailuresTest {

    /** Thrown from a frame outside Legion (as Spring's JDBC translation would), caused inside this test class. */
    private static RuntimeException wrappedOutsideLegion() {
        IllegalStateException cause = new IllegalStateException("duplicate key (passport)=(AB1234567)");
        RuntimeException outer = new RuntimeException("could not execute: passport AB1234567", cause);
        outer.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("org.springframework.jdbc.Translator", "translate", "Translator.java", 10)});
        return outer;
    }

    @Test
    void namesTheFirstPlaceInLegionsCodeAndTheCausesTypesButNoMessage() {
        String text = Failures.describe(wrappedOutsideLegion());
        assertThat(text).startsWith("java.lang.RuntimeException at legion.web.FailuresTest.wrappedOutsideLegion(")
                .endsWith("(caused by java.lang.IllegalStateException)")
                .doesNotContain("AB1234567").doesNotContain("passport").doesNotContain("duplicate");
    }

    @Test
    void withoutLegionCodeItNamesTheFailuresOwnFirstFrame() {
        RuntimeException e = new RuntimeException("x");
        e.setStackTrace(new StackTraceElement[] {new StackTraceElement("org.example.A", "m", "A.java", 3)});
        assertThat(Failures.describe(e)).isEqualTo("java.lang.RuntimeException at org.example.A.m(A.java:3)");
    }
}
