package legion.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.DefaultErrorViewResolver;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The error pages the container's error controller renders (an unknown address, a refusal before any controller)
 * choose their layout as {@link PageProblems}' pages do: the console's for a signed-in officer under {@code /console},
 * the portal's for everyone else. Spring Boot's own resolver finds the page ({@code error/404}, {@code error/4xx},
 * then {@code error}); this adds {@code inConsole} to it.
 *
 * <p>It was a {@code @ModelAttribute} of {@link PageProblems}, which Spring ran before every handler method of every
 * controller, the public JSON API's included: a scan of the advice's annotations on each intake request.
 */
@Component
class ErrorPageLayout implements ErrorViewResolver {

    private final DefaultErrorViewResolver conventions;

    ErrorPageLayout(ApplicationContext context, WebProperties web) {
        this.conventions = new DefaultErrorViewResolver(context, web.getResources());
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        ModelAndView page = conventions.resolveErrorView(request, status, model);
        if (page == null) {
            page = new ModelAndView("error", model); // what the error controller renders when no resolver has a page
        }
        page.addObject("inConsole", PageProblems.inConsole(request));
        return page;
    }
}
