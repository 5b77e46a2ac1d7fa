package dk.botilbudslaege.config;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    /** A date as API.md has it: {@code YYYY-MM-DD}, exactly four digits of year, no sign. */
    static final DateTimeFormatter API_DATE = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.YEAR, 4)
            .appendLiteral('-')
            .appendValue(ChronoField.MONTH_OF_YEAR, 2)
            .appendLiteral('-')
            .appendValue(ChronoField.DAY_OF_MONTH, 2)
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);

    @Bean
    LocaleResolver localeResolver() {
        return new AppLocaleResolver();
    }

    /**
     * Dates in JSON bodies are text, {@code YYYY-MM-DD} (API.md), refused on their field otherwise: a
     * number such as 20260115 is not read as days since 1970 (the year 57440), and a year such as
     * +999999999 neither reaches the date arithmetic nor the database.
     */
    @Bean
    JsonMapperBuilderCustomizer apiDates() {
        return builder -> builder.addModule(new SimpleModule("api-dates")
                        .addDeserializer(LocalDate.class, new LocalDateDeserializer(API_DATE))
                        .addDeserializer(LocalDateTime.class, new DanishDateTime()))
                .withCoercionConfig(
                        LogicalType.DateTime,
                        coercion -> coercion.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));
    }

    /**
     * An ISO date-time in a JSON body as Danish local time (a sick visit's window, issue 13): without an offset it
     * is Danish time already; with one ({@code Z}, {@code +02:00}) it is the same instant in Danish time, so
     * {@code 2026-12-01T09:00:00Z} is 10:00 in Denmark, never 09:00 with the offset dropped.
     */
    static final class DanishDateTime extends StdScalarDeserializer<LocalDateTime> {

        private static final ZoneId DENMARK = ZoneId.of("Europe/Copenhagen");

        DanishDateTime() {
            super(LocalDateTime.class);
        }

        @Override
        public LocalDateTime deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDateTime) ctxt.handleUnexpectedToken(LocalDateTime.class, p);
            }
            String text = p.getValueAsString().trim();
            try {
                TemporalAccessor parsed =
                        DateTimeFormatter.ISO_DATE_TIME.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
                return parsed instanceof OffsetDateTime instant
                        ? instant.atZoneSameInstant(DENMARK).toLocalDateTime()
                        : (LocalDateTime) parsed;
            } catch (DateTimeException e) {
                return (LocalDateTime) ctxt.handleWeirdStringValue(LocalDateTime.class, text, "not an ISO date-time");
            }
        }
    }

    /**
     * Scalars in JSON bodies are the JSON types API.md gives them, refused on their field otherwise:
     * {@code "10"} is not a number, {@code 1} is not {@code true}, {@code 2.5} is not a whole number, and
     * {@code 2} is not a value of a list such as {@code matchMethod}, and {@code 12345} or {@code true} is not a
     * text (Jackson would quietly read them as 10, true, 2, the list's third value and "12345").
     */
    @Bean
    JsonMapperBuilderCustomizer strictScalars() {
        return builder -> builder.withCoercionConfig(
                        LogicalType.Boolean,
                        coercion -> coercion.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Integer,
                        coercion -> coercion.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Float,
                        coercion -> coercion.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Enum,
                        coercion -> coercion.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Textual,
                        coercion -> coercion.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }
}
