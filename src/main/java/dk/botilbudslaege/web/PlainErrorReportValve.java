package dk.botilbudslaege.web;

import dk.botilbudslaege.common.DanishFormats;
import java.io.IOException;
import java.io.Writer;
import java.util.MissingResourceException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.web.util.HtmlUtils;

/**
 * i19-misc: the page of an error Tomcat answers itself, before the application sees the request (a request line or
 * headers over the limit, a request it cannot parse): a plain Danish page with the status and the texts of the
 * application's own error pages, instead of Tomcat's English "HTTP Status 400 – Bad Request". It names no server or
 * version and shows no exception. Errors the application answers keep their own pages ({@link ErrorResponses}).
 */
class PlainErrorReportValve extends ErrorReportValve {

    PlainErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String kind = status >= 500 ? (status == 503 ? "503" : "500") : (status == 404 ? "404" : "400");
        String title = text("error." + kind + ".title", "Fejl");
        String page = "<!DOCTYPE html><html lang=\"da\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
                + escape(title) + "</title></head><body><main><p>" + status + "</p><h1>" + escape(title) + "</h1><p>"
                + escape(text("error." + kind + ".text", "")) + "</p><p><a href=\"/\">"
                + escape(text("error.home", "Gå til forsiden")) + "</a></p></main></body></html>";
        try {
            response.setContentType("text/html");
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Content-Language", "da");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(page);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client has gone or the response cannot be written: nothing more to say
        }
    }

    private static String text(String key, String fallback) {
        try {
            return DanishFormats.label(key);
        } catch (MissingResourceException e) {
            return fallback;
        }
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
