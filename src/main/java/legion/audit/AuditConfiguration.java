package legion.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The audit MAC key: {@code legion.audit.mac-key}, or generated into the data directory of a single node. */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AuditConfiguration.class);

    @Bean
    AuditChain auditChain(@Value("${legion.audit.mac-key:}") String configured,
                          @Value("${legion.data-dir:./data}") String dataDir) throws IOException {
        var fromConfiguration = AuditKeys.configured(configured);
        if (fromConfiguration.isPresent()) {
            return fromConfiguration.get();
        }
        Path file = AuditKeys.file(Path.of(dataDir));
        boolean existed = Files.exists(file);
        AuditChain chain = AuditKeys.fromDataDirCreating(Path.of(dataDir));
        if (!existed) {
            log.warn("generated a new audit MAC key in {} (back it up; with several nodes configure "
                    + "legion.audit.mac-key on every node instead)", file.toAbsolutePath());
        }
        return chain;
    }
}
