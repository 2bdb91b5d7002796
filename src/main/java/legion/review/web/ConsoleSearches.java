package legion.review.web;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;

/**
 * What officers typed in the queue's search box, kept in their session under a random id. A search by passport number
 * or name is personal data: it is posted, never put in a URL (where browser history, proxies and access logs would keep
 * it); the queue's URL carries only the id, so it can still be reloaded, paged and returned to from a case during the
 * session. The last 20 searches are kept.
 */
final class ConsoleSearches {

    private static final String KEY = ConsoleSearches.class.getName();
    private static final int KEPT = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ConsoleSearches() {
    }

    static String keep(HttpSession session, String typed) {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        String id = HexFormat.of().formatHex(b);
        synchronized (session) {
            Map<String, String> kept = kept(session);
            kept.put(id, typed);
            while (kept.size() > KEPT) {
                kept.remove(kept.keySet().iterator().next());
            }
            session.setAttribute(KEY, kept);
        }
        return id;
    }

    static Optional<String> find(HttpSession session, String id) {
        if (session == null || id == null || id.isBlank()) {
            return Optional.empty();
        }
        synchronized (session) {
            return Optional.ofNullable(kept(session).get(id));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> kept(HttpSession session) {
        Object o = session.getAttribute(KEY);
        return o instanceof LinkedHashMap<?, ?> m ? (Map<String, String>) m : new LinkedHashMap<>();
    }
}
