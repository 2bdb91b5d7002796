package legion.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Problem responses for requests that failed before any controller was chosen (unsupported content type, unknown
 * path, wrong method): Spring's standard mapping of its own exceptions to RFC 9457.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class FallbackProblems extends ResponseEntityExceptionHandler {
}
