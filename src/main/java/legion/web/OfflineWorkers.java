package legion.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;
import legion.shared.OfflinePage;

/**
 * The service workers of the console pages that work offline ({@link OfflinePage}, contributed by their modules):
 * one worker script for all, served at {@code /js/<name>-sw.js} after a first line naming the page's scope and
 * assets, with {@code Service-Worker-Allowed} so that a worker under {@code /js/} may control that page only.
 */
@RestController
class OfflineWorkers {

    private final Map<String, OfflinePage> pages;
    private final String worker;

    OfflineWorkers(List<OfflinePage> pages) throws IOException {
        this.pages = pages.stream().collect(Collectors.toMap(OfflinePage::name, Function.identity()));
        this.worker = new ClassPathResource("legion/web/offline-sw.js").getContentAsString(StandardCharsets.UTF_8);
    }

    @GetMapping(path = "/js/{name}-sw.js")
    ResponseEntity<String> worker(@PathVariable String name, HttpServletRequest request) {
        OfflinePage page = pages.get(name);
        if (page == null) {
            return ResponseEntity.notFound().build();
        }
        String base = request.getContextPath();
        String assets = page.assets().stream().map(a -> quote(base + a)).collect(Collectors.joining(", "));
        String head = "var OFFLINE = {name: " + quote(page.name()) + ", scope: " + quote(base + page.scope())
                + ", assets: [" + assets + "]};\n";
        return ResponseEntity.ok().header("Service-Worker-Allowed", base + page.scope())
                .cacheControl(CacheControl.noCache()).contentType(new MediaType("text", "javascript",
                        StandardCharsets.UTF_8)).body(head + worker);
    }

    /** A path as a JavaScript string (paths are the modules' constants: quotes and backslashes only escaped). */
    private static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
