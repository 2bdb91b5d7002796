package legion.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (npm {@code axe-core} 4.14.1, its {@code axe.min.js} vendored under {@code src/test/resources/axe/}, MPL-2.0)
 * run in the page a Selenium browser shows: the WCAG 2.0/2.1 A and AA rules, as one line per violation (rule, help,
 * the elements). An empty list is a page without violations.
 */
public final class Axe {

    private static final String SOURCE = load();

    private Axe() {
    }

    public static List<String> violations(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        js.executeScript(SOURCE);
        Object result = js.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                  .then(function (r) {
                    done(r.violations.map(function (v) {
                      return v.id + ': ' + v.help + ' [' + v.nodes.map(function (n) { return n.target.join(' '); })
                        .join(', ') + ']';
                    }));
                  })
                  .catch(function (e) { done(['axe failed: ' + e]); });
                """);
        List<String> out = new ArrayList<>();
        if (result instanceof List<?> list) {
            list.forEach(o -> out.add(String.valueOf(o)));
        } else {
            out.add("axe answered " + result);
        }
        return out;
    }

    private static String load() {
        try (InputStream in = Axe.class.getResourceAsStream("/axe/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe/axe.min.js is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
