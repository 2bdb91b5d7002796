package legion.arms.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import legion.shared.BoundedUpload;

/**
 * A supervisor's journal upload is a {@link BoundedUpload} (ADR 0155): the platform reads the form itself, so a
 * journal over {@link #MAX_JOURNAL_BYTES} is told on the anomalies page, with nothing of it read into the register,
 * instead of the container's bare {@code 413}. A journal of 15,000 rows is about 2 MB.
 */
@Configuration
class JournalUploadLimit {

    static final String JOURNAL_FORM = "/console/arms/journals";
    static final long MAX_JOURNAL_BYTES = 20L * 1024 * 1024;

    @Bean
    BoundedUpload armsJournal() {
        return new BoundedUpload(JOURNAL_FORM, MAX_JOURNAL_BYTES);
    }
}
