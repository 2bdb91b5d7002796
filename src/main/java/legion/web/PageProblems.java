package legion.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.ErrorResponse;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import legion.shared.Refused;

/** Error pages for the portal and the console: plain words, the right status, no stack traces. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class PageProblems {

    private static final Logger LOG = LoggerFactory.getLogger(PageProblems.class);

    /** A module's refusal that no page handled itself: the error page of its status. */
    @ExceptionHandler(Refused.class)
    ModelAndView refused(Refused e) {
        return page(e.status().value());
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
            org.springframework.security.web.firewall.RequestRejectedException.class, IllegalArgumentException.class})
    ModelAndView badRequest() {
        return page(400);
    }

    @ExceptionHandler(SecurityException.class)
    ModelAndView forbidden() {
        return page(403);
    }

    /** The client went away or sent its body too slowly ({@link SlowClients} logs it once at INFO). */
    @ExceptionHandler({org.apache.catalina.connector.ClientAbortException.class,
            org.springframework.web.context.request.async.AsyncRequestNotUsableException.class})
    ModelAndView aborted() {
        ModelAndView mav = page(408);
        mav.setStatus(HttpStatus.REQUEST_TIMEOUT);
        return mav;
    }

    /** Anything else: the status a Spring exception carries, or 500; never details. */
    @ExceptionHandler(Exception.class)
    ModelAndView other(Exception e) throws Exception {
        if (e instanceof org.springframework.security.access.AccessDeniedException) {
            throw e; // Spring Security answers these (login redirect or 403)
        }
        int status = e instanceof ErrorResponse r ? r.getStatusCode().value() : 500;
        if (status >= 500) {
            LOG.error("unexpected {} on a page", Failures.describe(e));
        }
        return page(status);
    }

    /**
     * Whether an error page belongs in the console's layout: a page under {@code /console} for a signed-in officer.
     * Everyone else (volunteers, unknown addresses, anyone signed out) sees the portal's. The container's error pages
     * choose by this too ({@link ErrorPageLayout}).
     */
    static boolean inConsole(jakarta.servlet.http.HttpServletRequest request) {
        Object failed = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
        String path = failed instanceof String s ? s : request.getRequestURI();
        String context = request.getContextPath();
        if (path == null || !path.startsWith(context + "/console")) {
            return false;
        }
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated()
                && !(auth instanceof org.springframework.security.authentication.AnonymousAuthenticationToken)
                && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().startsWith("ROLE_"));
    }

    private static ModelAndView page(int status) {
        String view = switch (status) {
            case 400, 403, 404 -> "error/" + status;
            default -> status >= 500 ? "error/500" : "error";
        };
        ModelAndView mav = new ModelAndView(view);
        mav.setStatus(HttpStatus.valueOf(status));
        var attributes = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
        if (attributes instanceof org.springframework.web.context.request.ServletRequestAttributes servlet) {
            mav.addObject("inConsole", inConsole(servlet.getRequest()));
        }
        return mav;
    }
}
