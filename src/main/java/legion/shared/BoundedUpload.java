package legion.shared;

import java.util.Set;

import jakarta.servlet.ServletRequest;

/**
 * A form with a file whose other fields must survive a file over its limit (a volunteer's typed answer beside a
 * document too large): a module contributes one as a bean and the platform ({@code web.BoundedUploads}) reads that
 * form's multipart body itself, streaming: its fields as usual, each file kept only up to {@code maxFileBytes}. A
 * file over it is not kept; its field is named in the request attribute {@link #OVER_LIMIT} and the request reaches
 * the controller all the same, with the form's other fields (ADR 0155).
 *
 * @param path         the form's action, without the context path
 * @param maxFileBytes the most a file of the form may have
 */
public record BoundedUpload(String path, long maxFileBytes) {

    /** The request attribute: the {@code Set<String>} of the file fields whose file was over the limit. */
    public static final String OVER_LIMIT = "legion.upload.overLimit";

    public BoundedUpload {
        if (path == null || !path.startsWith("/") || maxFileBytes < 1) {
            throw new IllegalArgumentException("a path and a positive limit are needed");
        }
    }

    /** Whether the file sent in {@code field} was over its form's limit (and so was not kept). */
    @SuppressWarnings("unchecked")
    public static boolean overLimit(ServletRequest request, String field) {
        return request.getAttribute(OVER_LIMIT) instanceof Set<?> fields && ((Set<String>) fields).contains(field);
    }
}
