package dk.botilbudslaege.web;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import dk.botilbudslaege.common.TextRules;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Printable documents: a Thymeleaf template rendered to XHTML, then to PDF by openhtmltopdf, with the
 * bundled DejaVu Sans (regular and bold) embedded so that æ, ø and å print the same everywhere.
 * <p>
 * Templates are ordinary templates under {@code templates/}, written as well-formed XHTML (every
 * element closed, {@code &#160;} rather than {@code &nbsp;}, text through {@code th:text}), styled
 * with their own {@code <style>} in {@code font-family: "DejaVu Sans"}, laid out with tables and
 * blocks rather than flex or grid. Messages ({@code #{..}}) resolve in the locale given. Relative
 * resources (images, style sheets) resolve against the {@code templates/} folder on the classpath.
 * <p>
 * The PDF is tagged for screen readers (PDF/UA), as public authorities' documents should be: give
 * each template a {@code <title>}, a {@code lang} on {@code <html>} and a
 * {@code <meta name="subject">}, and real headings and table header cells.
 */
@Component
public class PdfRenderer {

    /** The font family the templates name in their CSS. */
    public static final String FONT_FAMILY = "DejaVu Sans";

    private static final String REGULAR = "/fonts/DejaVuSans.ttf";
    private static final String BOLD = "/fonts/DejaVuSans-Bold.ttf";

    static {
        // openhtmltopdf logs to stderr through its own java.util.logging handler unless told otherwise
        XRLog.setLoggerImpl(new Slf4jXRLogger());
    }

    private final ITemplateEngine templates;
    private final String baseUri;
    private final byte[] regular;
    private final byte[] bold;

    PdfRenderer(ITemplateEngine templates) {
        this.templates = templates;
        this.baseUri = Objects.requireNonNull(
                        PdfRenderer.class.getResource("/templates/"), "templates/ on the classpath")
                .toExternalForm();
        this.regular = read(REGULAR);
        this.bold = read(BOLD);
    }

    /**
     * @param template a template name as for a view, e.g. {@code "pdf/information-form"}
     * @param model    the template's variables
     * @param locale   the language of its messages and formats
     * @return the PDF document
     */
    public byte[] render(String template, Map<String, ?> model, Locale locale) {
        String xhtml = templates.process(template, new Context(locale, new HashMap<>(model)));
        return toPdf(xhtml);
    }

    /**
     * Renders well-formed XHTML to PDF. Characters XML 1.0 forbids (control characters, lone
     * surrogates) are left out first: a row stored before the input rules (or imported) that holds
     * one still prints, instead of breaking its document for good.
     */
    public byte[] toPdf(String xhtml) {
        xhtml = TextRules.forXml(xhtml);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(32 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfUaAccessibility(true);
            builder.useFont(() -> new ByteArrayInputStream(regular), FONT_FAMILY, 400, FontStyle.NORMAL, true);
            builder.useFont(() -> new ByteArrayInputStream(bold), FONT_FAMILY, 700, FontStyle.NORMAL, true);
            builder.withHtmlContent(xhtml, baseUri);
            builder.toStream(pdf);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render the PDF", e);
        }
        return pdf.toByteArray();
    }

    private static byte[] read(String resource) {
        URL url = Objects.requireNonNull(PdfRenderer.class.getResource(resource), resource + " on the classpath");
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the font " + resource, e);
        }
    }

    /** openhtmltopdf's log lines through SLF4J, under its own names ({@code com.openhtmltopdf.*}). */
    private static final class Slf4jXRLogger implements XRLogger {

        @Override
        public void log(String where, Level level, String message) {
            log(where, level, message, null);
        }

        @Override
        public void log(String where, Level level, String message, Throwable error) {
            Logger logger = LoggerFactory.getLogger(where);
            int value = level.intValue();
            if (value >= Level.SEVERE.intValue()) {
                logger.error(message, error);
            } else if (value >= Level.WARNING.intValue()) {
                logger.warn(message, error);
            } else if (value >= Level.INFO.intValue()) {
                logger.info(message, error);
            } else {
                logger.debug(message, error);
            }
        }

        @Override
        public void setLevel(String logger, Level level) {
            // levels are Spring Boot's logging.level.* settings
        }

        @Override
        public boolean isLogLevelEnabled(Diagnostic diagnostic) {
            Logger logger = LoggerFactory.getLogger(diagnostic.getLogMessageId().getWhere());
            int value = diagnostic.getLevel().intValue();
            return value >= Level.WARNING.intValue()
                    ? logger.isWarnEnabled()
                    : value >= Level.INFO.intValue() ? logger.isInfoEnabled() : logger.isDebugEnabled();
        }
    }
}
