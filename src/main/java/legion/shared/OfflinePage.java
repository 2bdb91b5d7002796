package legion.shared;

import java.util.List;

/**
 * A console page that keeps working without network once loaded: a module contributes one as a bean and the
 * platform serves its service worker at {@code /js/<name>-sw.js}, allowed to control {@code scope} (the page's own
 * path) and caching the page and {@code assets} (its script, the style sheet), network first.
 *
 * @param name   the worker's name, {@code [a-z0-9-]+}
 * @param scope  the page's path, without the context path
 * @param assets the paths the page needs besides itself, without the context path
 */
public record OfflinePage(String name, String scope, List<String> assets) {

    public OfflinePage {
        if (name == null || !name.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("name must be [a-z0-9-]+");
        }
        if (scope == null || !scope.startsWith("/") || assets.stream().anyMatch(a -> !a.startsWith("/"))) {
            throw new IllegalArgumentException("scope and assets must be paths");
        }
        assets = List.copyOf(assets);
    }
}
