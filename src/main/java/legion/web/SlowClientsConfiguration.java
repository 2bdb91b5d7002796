package legion.web;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts {@link SlowClients} in front of every request: {@code legion.web.max-requests-per-client} (32) in flight per
 * client address, {@code legion.web.body-deadline} (10 s) for a request's body. Tomcat's own
 * {@code server.tomcat.connection-timeout} drops connections that send nothing.
 */
@Configuration
class SlowClientsConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> slowClients(
            @Value("${legion.web.max-requests-per-client:32}") int perClient,
            @Value("${legion.web.body-deadline:10s}") Duration bodyDeadline) {
        return factory -> factory.addEngineValves(new SlowClients(perClient, bodyDeadline));
    }
}
