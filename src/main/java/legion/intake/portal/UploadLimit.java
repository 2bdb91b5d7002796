package legion.intake.portal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

import legion.review.CaseFiles;

/**
 * A volunteer's upload too large for the server to read at all (over {@code spring.servlet.multipart.*}): told, on
 * their case page, that the file is over the limit, instead of a bare 413. What they typed came in the same unread
 * body and cannot be kept; files up to the multipart limit are read and refused by {@link CaseFiles} with the answer
 * kept. In a browser with JavaScript the page itself tells a document over {@link CaseFiles#MAX_DOCUMENT_BYTES}
 * before sending ({@code js/portal-upload.js}), so the answer stays whatever the file's size (PortalJourneyTest).
 * Any other upload too large answers the 413 error page.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimit {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(HttpServletRequest request) {
        if (request.getRequestURI().equals(request.getContextPath() + "/status/answer")) {
            var flash = RequestContextUtils.getOutputFlashMap(request);
            flash.put("answerProblem", "status.request.refused." + CaseFiles.RefusedUpload.Problem.FILE_TOO_LARGE.name());
            flash.put("answerProblemArguments", new Object[] {CaseFiles.MAX_DOCUMENT_BYTES / (1024 * 1024)});
            return new ModelAndView("redirect:/status/case");
        }
        ModelAndView page = new ModelAndView("error");
        page.setStatus(HttpStatus.CONTENT_TOO_LARGE);
        return page;
    }
}
