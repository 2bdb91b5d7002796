package legion.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;

/** The injected axe-core finds what WCAG 2.1 AA forbids and passes a page that has none of it. */
class AxeTest {

    static WebDriver browser;

    @BeforeAll
    static void open() {
        browser = Browsers.chromium(1024, 768, "en-GB");
    }

    @AfterAll
    static void close() {
        browser.quit();
    }

    static void show(String html) {
        browser.get("data:text/html;charset=utf-8," + URLEncoder.encode(html, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    @Test
    void findsAnImageWithoutTextAFieldWithoutLabelAndAPageWithoutLanguage() {
        show("<!DOCTYPE html><html><head><title>t</title></head><body><main><h1>Page</h1>"
                + "<img src='x.png'><input type='text'></main></body></html>");
        assertThat(Axe.violations(browser)).anyMatch(v -> v.startsWith("image-alt "))
                .anyMatch(v -> v.startsWith("label ")).anyMatch(v -> v.startsWith("html-has-lang "));
    }

    @Test
    void passesAPageThatMeetsTheRules() {
        show("<!DOCTYPE html><html lang='en'><head><title>A page</title></head><body><main><h1>Page</h1>"
                + "<img src='x.png' alt='A logo'><label for='a'>Name</label><input id='a' type='text'></main>"
                + "</body></html>");
        Axe.assertNoViolations(browser, "a clean page");
        // a second run on the same page uses the axe already injected
        assertThat(Axe.violations(browser)).isEmpty();
    }
}
