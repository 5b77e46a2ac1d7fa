package dk.botilbudslaege.web;

import dk.botilbudslaege.common.DanishFormats;
import dk.botilbudslaege.security.Users;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Issue 16 item 5, never a raw code in front of a person: what a page shows for a stored value, e.g. in an
 * audit trail ({@code ${@shown.value('agreement', 'status', 'DRAFT')}} is "Kladde") and for who did
 * something ({@code ${@shown.person('kommune-norddjurs')}} is "Norddjurs Kommune, Socialområdet"). Dates
 * read 01-10-2026, months "oktober 2026", numbers 1.531 and 2.144,02, codes their label.
 */
@Component("shown")
public class ShownText {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern MOMENT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T.+");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.\\d+");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");

    private static final Pattern MUNICIPAL_ACTOR = Pattern.compile("kommune-(\\d{3})");

    private final Users users;
    private final MessageSource messages;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    ShownText(Users users, MessageSource messages, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.users = users;
        this.messages = messages;
        this.jdbc =
                jdbc; // registry_municipality read in SQL as matching does: web may not depend on registry (a cycle)
    }

    /** The name of the account behind a user name; the user name only when no such account exists. */
    public String person(String username) {
        if (username == null || username.isBlank()) {
            return "–";
        }
        return users.displayName(username).orElseGet(() -> organisation(username));
    }

    /**
     * i16-rest: an actor without an account that files for a municipality ({@code kommune-615}, the demo's other
     * municipalities) is named by the organisation it acted for, "Horsens Kommune"; any other stays as stored.
     */
    private String organisation(String username) {
        var m = MUNICIPAL_ACTOR.matcher(username);
        if (m.matches()) {
            return jdbc.sql("select name from registry_municipality where code = :code")
                    .param("code", m.group(1))
                    .query(String.class)
                    .optional()
                    .map(name -> name + " Kommune")
                    .orElse(username);
        }
        return username;
    }

    /**
     * A value of a field of an entity ({@code prefix}, e.g. "agreement") as a person reads it: a code's label
     * ("{prefix}.{field}.{code}", "{field}.{code}" or "{prefix}Status.{code}"), a date, a month, a number.
     */
    public String value(String prefix, String field, Object value) {
        Locale locale = LocaleContextHolder.getLocale();
        if (value == null) {
            return "–";
        }
        if (value instanceof Boolean b) {
            return messages.getMessage(b ? "common.yes" : "common.no", null, locale);
        }
        if (value instanceof Number n) {
            return NumberFormat.getNumberInstance(locale).format(n);
        }
        String text = value.toString();
        try {
            if (DATE.matcher(text).matches()) {
                return DanishFormats.date(LocalDate.parse(text));
            }
            if (MOMENT.matcher(text).matches()) {
                return DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm")
                        .format(OffsetDateTime.parse(text).atZoneSameInstant(DanishTime.DENMARK));
            }
            if (MONTH.matcher(text).matches()) {
                return DanishFormats.month(YearMonth.parse(text), locale);
            }
        } catch (DateTimeParseException e) {
            return text;
        }
        if (DECIMAL.matcher(text).matches()) {
            return NumberFormat.getNumberInstance(locale).format(new BigDecimal(text));
        }
        if (CODE.matcher(text).matches()) {
            for (String key :
                    new String[] {prefix + "." + field + "." + text, field + "." + text, prefix + "Status." + text}) {
                String label = messages.getMessage(key, null, null, locale);
                if (label != null) {
                    return label;
                }
            }
        }
        return text;
    }
}
