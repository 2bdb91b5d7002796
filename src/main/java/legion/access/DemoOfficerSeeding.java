package legion.access;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import legion.access.DemoOfficers.DemoOfficer;

/**
 * Seeds the demo officers every program contributes ({@link DemoOfficers} beans), each one that does not exist yet,
 * and prints the credentials of those it created once. Runs first among the start-up runners, so programs' demo data
 * can act as their officers. Off with {@code legion.demo.enabled=false}.
 *
 * <p>Seeds once every bean exists and before the web server starts to accept requests (not as an
 * {@code ApplicationRunner}, which runs after the server is already answering): a node that answers is a node whose
 * demo officers can sign in.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DemoOfficerSeeding implements org.springframework.beans.factory.SmartInitializingSingleton {

    private final Officers officers;
    private final ObjectProvider<DemoOfficers> programs;
    private final boolean enabled;
    private final String password;
    private final String totpSecret;

    DemoOfficerSeeding(Officers officers, ObjectProvider<DemoOfficers> programs,
                       @Value("${legion.demo.enabled:true}") boolean enabled,
                       @Value("${legion.demo.password:}") String password,
                       @Value("${legion.demo.totp-secret:}") String totpSecret) {
        this.officers = officers;
        this.programs = programs;
        this.enabled = enabled;
        this.password = password;
        this.totpSecret = totpSecret;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (enabled) {
            seed(programs.orderedStream().flatMap(p -> p.demoOfficers().stream()).toList());
        }
    }

    /** Creates the officers that do not exist yet; returns the login names created. */
    List<String> seed(List<DemoOfficer> wanted) {
        Map<String, String> created = new LinkedHashMap<>();
        for (DemoOfficer o : wanted) {
            if (officers.exists(o.username())) {
                continue;
            }
            String pw = password.isBlank() ? randomPassword() : password;
            try {
                officers.createInUnit(o.username(), o.displayName(), pw, o.role(), o.unit());
            } catch (DuplicateKeyException e) {
                continue; // another node seeded it at the same moment
            }
            if (!totpSecret.isBlank()) {
                officers.setSecondFactor(o.username(), totpSecret);
            }
            created.put(o.username() + " (" + o.role() + (o.unit() == null ? "" : ", " + o.unit()) + ")", pw);
        }
        if (!created.isEmpty()) {
            print(created);
        }
        return created.keySet().stream().map(k -> k.substring(0, k.indexOf(' '))).toList();
    }

    private void print(Map<String, String> created) {
        StringBuilder sb = new StringBuilder("\n=== Legion demo officers (shown once; passwords are stored hashed) ===\n");
        created.forEach((who, pw) -> sb.append(String.format("  %-55s %s%n", who,
                password.isBlank() ? pw : "(legion.demo.password)")));
        sb.append(totpSecret.isBlank() ? "  second factor: each officer enrols an authenticator app at first sign-in\n"
                : "  second factor: TOTP with the key in legion.demo.totp-secret (e.g. oathtool --totp -b KEY)\n");
        sb.append("=== sign in at /login ===\n");
        System.out.println(sb);
    }

    private static String randomPassword() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom r = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
