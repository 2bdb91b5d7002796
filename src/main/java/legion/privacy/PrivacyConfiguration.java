package legion.privacy;

import java.io.IOException;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the {@link FieldCipher} from configuration, or from the generated key file of a single embedded node. */
@Configuration
class PrivacyConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(PrivacyConfiguration.class);

    @Bean
    FieldCipher fieldCipher(@Value("${legion.privacy.keys:}") String keys,
                            @Value("${legion.privacy.current-key:}") String current,
                            @Value("${legion.privacy.index-key:}") String indexKey,
                            @Value("${legion.data-dir:./data}") String dataDir) throws IOException {
        if (!keys.isBlank()) {
            if (indexKey.isBlank()) {
                throw new IllegalStateException("legion.privacy.index-key is required with legion.privacy.keys");
            }
            return new FieldCipher(DataKeys.parse(keys, current, indexKey));
        }
        Path file = Path.of(dataDir, "keys", "privacy.properties");
        boolean existed = file.toFile().exists();
        DataKeys generated = DataKeys.fromFile(file);
        if (!existed) {
            LOG.warn("generated new data-encryption keys in {} (back it up; with several nodes configure "
                    + "legion.privacy.keys and legion.privacy.index-key instead)", file.toAbsolutePath());
        }
        return new FieldCipher(generated);
    }
}
