package dk.botilbudslaege.web;

import dk.botilbudslaege.common.PageDates;
import java.time.LocalDate;
import java.util.Set;
import org.springframework.format.AnnotationFormatterFactory;
import org.springframework.format.Parser;
import org.springframework.format.Printer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.datetime.standard.Jsr310DateTimeFormatAnnotationFormatterFactory;

/**
 * Review 16, finding 9: a page's date ({@code @DateTimeFormat(pattern = PageDates.PATTERN, ...)}) is read without
 * the blanks around it (" 01-12-2026 ", pasted with a space or a no-break space). Everything else about a date,
 * and every other {@code @DateTimeFormat} (the API's ISO dates stay exact, API.md), is Spring's own.
 */
final class PageDateFormats implements AnnotationFormatterFactory<DateTimeFormat> {

    private final Jsr310DateTimeFormatAnnotationFormatterFactory spring =
            new Jsr310DateTimeFormatAnnotationFormatterFactory();

    @Override
    public Set<Class<?>> getFieldTypes() {
        return Set.of(LocalDate.class);
    }

    @Override
    public Printer<?> getPrinter(DateTimeFormat annotation, Class<?> fieldType) {
        return spring.getPrinter(annotation, fieldType);
    }

    @Override
    public Parser<?> getParser(DateTimeFormat annotation, Class<?> fieldType) {
        Parser<?> parser = spring.getParser(annotation, fieldType);
        if (!PageDates.PATTERN.equals(annotation.pattern())) {
            return parser;
        }
        return (text, locale) -> parser.parse(PageDates.unpadded(text), locale);
    }
}
