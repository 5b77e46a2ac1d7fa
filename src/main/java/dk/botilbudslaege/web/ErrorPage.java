package dk.botilbudslaege.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The container's error page ({@code /error}), for failures that never reach a handler and so never
 * {@link ErrorResponses}: a form whose bytes are not UTF-8 ({@code name=Bo%FF}, refused by Tomcat while
 * it parses the parameters), a filter's {@code sendError}. It answers as {@link ErrorResponses} does:
 * the Danish error page for people, whatever their Accept header, and problem+json for {@code /api/**};
 * never Spring's own JSON with a timestamp. Replaces Spring Boot's BasicErrorController.
 */
@Controller
class ErrorPage implements ErrorController {

    private final ErrorResponses errors;

    ErrorPage(ErrorResponses errors) {
        this.errors = errors;
    }

    @RequestMapping("/error")
    Object error(HttpServletRequest request) {
        HttpStatus status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
                ? HttpStatus.resolve(code)
                : null;
        return errors.failed(request, status == null || status.isError() ? status : null);
    }
}
