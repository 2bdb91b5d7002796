package legion.intake.portal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import legion.review.CaseFiles;
import legion.shared.BoundedUpload;

/**
 * The volunteer's answer to an information request is a {@link BoundedUpload}: the platform reads its form itself,
 * so a document over {@link CaseFiles#MAX_DOCUMENT_BYTES}, whatever its size, reaches {@link StatusController} as
 * "over the limit" with the typed answer, and the case page tells the limit with the answer kept, with or without
 * JavaScript (ADR 0155). With JavaScript the page tells it before anything is sent ({@code js/portal-upload.js}).
 */
@Configuration
class UploadLimit {

    static final String ANSWER_FORM = "/status/answer";

    @Bean
    BoundedUpload volunteersAnswer() {
        return new BoundedUpload(ANSWER_FORM, CaseFiles.MAX_DOCUMENT_BYTES);
    }
}
