package legion.border.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import legion.shared.BoundedUpload;

/**
 * The border check's photo of a barcode is a {@link BoundedUpload} (ADR 0155): a photo over {@link #MAX_PHOTO_BYTES}
 * is told on the border page, with nothing of it read and no crossing recorded, instead of the container's bare
 * {@code 413}. A phone's photo of a printed seal is 2–8 MB.
 */
@Configuration
class BorderPhotoLimit {

    static final String BORDER_FORM = "/console/border";
    static final long MAX_PHOTO_BYTES = 10L * 1024 * 1024;

    @Bean
    BoundedUpload borderPhoto() {
        return new BoundedUpload(BORDER_FORM, MAX_PHOTO_BYTES);
    }
}
