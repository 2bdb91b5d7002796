package legion.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (Deque, MPL-2.0, vendored unchanged in {@code src/test/resources/axe}, ADR 0121) run in the page a
 * Selenium browser shows: the WCAG 2.0 and 2.1 level A and AA rules, nothing else. Use
 * {@link #assertNoViolations(WebDriver, String)} after every page a test reaches, or {@link #violations(WebDriver)}
 * to look at what was found.
 */
public final class Axe {

    /** The rule tags of WCAG 2.1 AA (which includes 2.0 A and AA and 2.1 A). */
    public static final List<String> WCAG21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private static final String SOURCE = load();

    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
                .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '
                        + v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(', '))))
                .catch(e => done(['axe failed: ' + e]));
            """;

    private Axe() {
    }

    /** The violations of the page now shown, one line each: rule, impact, what it asks, where (up to 5 elements). */
    @SuppressWarnings("unchecked")
    public static List<String> violations(WebDriver browser) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
            js.executeScript(SOURCE);
        }
        return (List<String>) js.executeAsyncScript(RUN, WCAG21_AA);
    }

    /** Fails with every violation of WCAG 2.1 AA that axe finds on the page now shown. */
    public static void assertNoViolations(WebDriver browser, String page) {
        assertThat(violations(browser)).as("axe-core, WCAG 2.1 AA, on " + page + " (" + browser.getCurrentUrl() + ")")
                .isEmpty();
    }

    private static String load() {
        try (InputStream in = Axe.class.getResourceAsStream("/axe/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe/axe.min.js is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
