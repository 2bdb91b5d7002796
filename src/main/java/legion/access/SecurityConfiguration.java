package legion.access;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.DispatcherType;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Three filter chains: the public API routes (no account: headers only), the rest of the REST API (stateless, HTTP
 * Basic for officers' systems, no cookies so no CSRF) and the pages (form login, session, CSRF on every form, strict
 * headers).
 */
@Configuration
class SecurityConfiguration {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /**
     * Officers' passwords as bcrypt of the given cost (stored as {@code {bcrypt}$2a$NN$...}: a hash keeps its own cost,
     * so raising it later still verifies the older hashes). Tests lower it, as they sign in thousands of times.
     */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${legion.access.password-hash-cost:10}") int cost) {
        return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(cost)));
    }

    /** The API's answers are data, never a page: nothing may load from them or frame them. */
    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";

    /** Pages anyone may open. */
    static final String[] OPEN_PAGES = {"/", "/apply", "/apply/**", "/status", "/status/**", "/css/**", "/js/**",
            "/img/**", "/favicon.ico", "/login", "/accessibility", "/v3/api-docs", "/v3/api-docs/**",
            "/swagger-ui.html", "/swagger-ui/**"};

    /** Every page the rules below know; any other path answers 404 to everyone (never a sign-in redirect). */
    static final RequestMatcher KNOWN_PAGES;

    static {
        var paths = PathPatternRequestMatcher.withDefaults();
        List<RequestMatcher> known = new ArrayList<>();
        for (String p : OPEN_PAGES) {
            known.add(paths.matcher(p));
        }
        for (String p : new String[] {"/console", "/console/**", "/login/code", "/login/enrol", "/logout"}) {
            known.add(paths.matcher(p));
        }
        KNOWN_PAGES = new OrRequestMatcher(known);
    }

    private static final LoginUrlAuthenticationEntryPoint SIGN_IN = new LoginUrlAuthenticationEntryPoint("/login");

    /**
     * Every officer may open the console home; the arms register's and Program 3's roles see only it and their own
     * pages.
     */
    static final String[] CONSOLE_HOME_ROLES = {"ISSUING_OFFICER", "REGISTRY_SUPERVISOR", "POLICE_INVESTIGATOR",
            "EMBASSY_OFFICER", "VETTING_OFFICER", "BORDER_GUARD", "RECEPTION_OFFICER", "ANALYST", "ADMINISTRATOR",
            "PRISON_OFFICER", "MEDICAL_BOARD", "UNIT_COMMANDER", "PROSECUTOR", "COURT_CLERK", "ESCORT", "TCC_OFFICER",
            "SUPERVISING_OFFICER"};

    static final String[] OFFICER_ROLES = {"EMBASSY_OFFICER", "VETTING_OFFICER", "BORDER_GUARD", "RECEPTION_OFFICER",
            "ANALYST", "ADMINISTRATOR"};
    /** Program 3's officers work only under /console/parole (and land there from /console). */
    static final String[] PAROLE_PAGE_ROLES = {"PRISON_OFFICER", "MEDICAL_BOARD", "UNIT_COMMANDER", "PROSECUTOR",
            "COURT_CLERK", "ESCORT", "TCC_OFFICER", "SUPERVISING_OFFICER", "ANALYST", "ADMINISTRATOR"};

    /**
     * The public routes of the API (intake, status, advisories, certificates, verification): no account, no session,
     * no cookie, so none of the officer chain's authentication, session, request-cache or logout filters; only the
     * security context and the strict headers. Intake is the busiest path of the platform (issue 12), and those
     * filters cost more per request than the plain endpoint's whole request.
     */
    @Bean
    @Order(0)
    SecurityFilterChain publicApi(HttpSecurity http) throws Exception {
        http.securityMatcher(PublicApi.ROUTES)
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(s -> s.disable())
                .requestCache(c -> c.disable())
                .securityContext(c -> c.disable())
                .anonymous(a -> a.disable())
                .logout(l -> l.disable())
                .csrf(csrf -> csrf.disable())
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(API_CSP)));
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, Officers officers, SignInGuard guard, Environment env)
            throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(PublicApi.ROUTES).permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/authorizations/certificates").hasRole("ADMINISTRATOR")
                        .anyRequest().authenticated())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.authenticationEntryPoint((req, res, ex) ->
                        problem(res, 401, "Unauthorized", "Authentication is required.")))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) ->
                                problem(res, 401, "Unauthorized", "Authentication is required."))
                        .accessDeniedHandler((req, res, ex) ->
                                problem(res, 403, "Forbidden", "Your role does not allow this.")))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(API_CSP)))
                .addFilterBefore(OfficerApiLimits.perClient(env), BasicAuthenticationFilter.class)
                .addFilterAfter(new SecondFactor.ApiFilter(officers, guard), BasicAuthenticationFilter.class)
                .addFilterAfter(OfficerApiLimits.perAccount(env), SecondFactor.ApiFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, Officers officers) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        // error pages are rendered for any request that failed; asked for directly, /error is unknown
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(OPEN_PAGES).permitAll()
                        .requestMatchers("/console/admin/**").hasRole("ADMINISTRATOR")
                        .requestMatchers("/console/border/**").hasRole("BORDER_GUARD")
                        .requestMatchers("/console/cases/*/hits/**", "/console/cases/*/duplicates/**").hasRole("VETTING_OFFICER")
                        .requestMatchers("/console/reports/**").hasAnyRole("ANALYST", "ADMINISTRATOR", "VETTING_OFFICER")
                        .requestMatchers("/login/code").hasAuthority(SecondFactor.PENDING_CODE)
                        .requestMatchers("/login/enrol").hasAuthority(SecondFactor.PENDING_ENROLMENT)
                        // the arms register's pages (Program 2): each for the role that works it
                        .requestMatchers("/console/arms/desk", "/console/arms/desk/**").hasRole("ISSUING_OFFICER")
                        .requestMatchers("/console/arms/receipts/**").hasAnyRole("ISSUING_OFFICER", "REGISTRY_SUPERVISOR")
                        .requestMatchers("/console/arms/anomalies", "/console/arms/journals", "/console/arms/findings/**",
                                "/console/arms/overdue").hasRole("REGISTRY_SUPERVISOR")
                        .requestMatchers("/console/arms/trace").hasRole("POLICE_INVESTIGATOR")
                        .requestMatchers("/console/arms/reports", "/console/arms/reports/**")
                                .hasAnyRole("ANALYST", "REGISTRY_SUPERVISOR")
                        .requestMatchers("/console/parole", "/console/parole/**").hasAnyRole(PAROLE_PAGE_ROLES)
                        .requestMatchers("/console").hasAnyRole(CONSOLE_HOME_ROLES)
                        .requestMatchers("/console/**").hasAnyRole(OFFICER_ROLES)
                        .anyRequest().denyAll())
                .formLogin(form -> form.loginPage("/login").successHandler(SecondFactor.afterPassword(officers))
                        .failureHandler((req, res, ex) -> res.sendRedirect(req.getContextPath()
                                + (ex instanceof GuardedPasswords.BackOffException ? "/login?wait"
                                : ex instanceof LockedException ? "/login?locked" : "/login?error")))
                        .permitAll())
                .exceptionHandling(e -> e.authenticationEntryPoint((req, res, ex) -> {
                    if (KNOWN_PAGES.matches(req)) {
                        SIGN_IN.commence(req, res, ex);
                    } else {
                        res.sendError(404); // an unknown page is not found, signed in or not
                    }
                }).accessDeniedHandler((req, res, ex) -> {
                    var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
                    if (!KNOWN_PAGES.matches(req)) {
                        res.sendError(404);
                    } else if (SecondFactor.isPending(auth, SecondFactor.PENDING_CODE)) {
                        res.sendRedirect(req.getContextPath() + "/login/code");
                    } else if (SecondFactor.isPending(auth, SecondFactor.PENDING_ENROLMENT)) {
                        res.sendRedirect(req.getContextPath() + "/login/enrol");
                    } else {
                        res.sendError(403);
                    }
                }))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(f -> f.deny()))
                .csrf(Customizer.withDefaults());
        return http.build();
    }

    private static void problem(HttpServletResponse res, int status, String title, String detail) throws IOException {
        if (status == 401) {
            res.setHeader("WWW-Authenticate", "Basic realm=\"legion\"");
        }
        legion.shared.JsonBodies.writeProblem(res, status, title, detail);
    }
}
