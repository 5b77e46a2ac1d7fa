package dk.botilbudslaege.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text field that may hold several lines (a reason, a note): tab, line feed and carriage return
 * are allowed in it. Every other text field is one line; see {@link TextRules}. On a map of a page's fields
 * ({@code @RequestParam MultiValueMap}) it names which of them may hold several lines.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
public @interface MultiLine {

    /**
     * On a {@code @RequestParam Map} of a page's fields: the names (regular expressions, whole name) of the fields
     * that may hold several lines, e.g. {@code "intro", "q\\d+\\.options"}; the map's other fields are one line.
     * Empty on a single field or parameter, which is then itself multi-line.
     */
    String[] value() default {};
}
