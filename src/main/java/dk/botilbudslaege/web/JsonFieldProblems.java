package dk.botilbudslaege.web;

import dk.botilbudslaege.common.FieldProblem;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.type.ArrayType;
import tools.jackson.databind.type.CollectionLikeType;
import tools.jackson.databind.type.CollectionType;
import tools.jackson.databind.type.MapLikeType;
import tools.jackson.databind.type.MapType;
import tools.jackson.databind.type.ReferenceType;

/**
 * A JSON body's unreadable fields, collected instead of stopping at the first (issue 10, item 7):
 * while a request body is read, a field whose value Jackson cannot convert (an unknown enum constant
 * such as a bad {@code legalBasis}, {@code "10"} for a number, a number beyond its type, a bad date, a
 * value of the wrong shape: a string where a list or an object is expected, a list for a number) is
 * noted with its path and read as null, and reading goes on. The notes are then reported together
 * with the body's Bean Validation errors in one {@code 400 VALIDATION_FAILED} ({@link InputChecks}).
 * Outside a request body (no collection started) Jackson fails as it always did.
 */
final class JsonFieldProblems {

    private static final String COLLECTING = JsonFieldProblems.class.getName() + ".collecting";

    private JsonFieldProblems() {}

    static void start() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes != null) {
            attributes.setAttribute(COLLECTING, new ArrayList<FieldProblem>(), RequestAttributes.SCOPE_REQUEST);
        }
    }

    /** The problems noted since {@link #start()}, and the end of collecting. */
    static List<FieldProblem> finish() {
        List<FieldProblem> problems = collecting();
        if (problems != null) {
            RequestContextHolder.currentRequestAttributes()
                    .removeAttribute(COLLECTING, RequestAttributes.SCOPE_REQUEST);
        }
        return problems == null ? List.of() : problems;
    }

    @SuppressWarnings("unchecked")
    private static List<FieldProblem> collecting() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes == null
                ? null
                : (List<FieldProblem>) attributes.getAttribute(COLLECTING, RequestAttributes.SCOPE_REQUEST);
    }

    /**
     * Wraps every value deserializer: scalars, enums, lists, arrays, maps, and objects (an object's own
     * fields are wrapped in turn; the object is only noted when its value has the wrong shape, such as
     * a string where an object or a list is expected).
     */
    static final class Modifier extends ValueDeserializerModifier {

        @Override
        public ValueDeserializer<?> modifyDeserializer(
                DeserializationConfig config, BeanDescription.Supplier bean, ValueDeserializer<?> deserializer) {
            return new Recovering(deserializer);
        }

        @Override
        public ValueDeserializer<?> modifyReferenceDeserializer(
                DeserializationConfig config,
                ReferenceType type,
                BeanDescription.Supplier bean,
                ValueDeserializer<?> deserializer) {
            return new Recovering(deserializer);
        }

        @Override
        public ValueDeserializer<?> modifyArrayDeserializer(
                DeserializationConfig config,
                ArrayType type,
                BeanDescription.Supplier bean,
                ValueDeserializer<?> deserializer) {
            return new Recovering(deserializer);
        }

        @Override
        public ValueDeserializer<?> modifyCollectionDeserializer(
                DeserializationConfig config,
                CollectionType type,
                BeanDescription.Supplier bean,
                ValueDeserializer<?> deserializer) {
            return new Recovering(deserializer);
        }

        @Override
        public ValueDeserializer<?> modifyCollectionLikeDeserializer(
                DeserializationConfig config,
                CollectionLikeType type,
                BeanDescription.Supplier bean,
                ValueDeserializer<?> deserializer) {
            return new Recovering(deserializer);
        }

        @Override
        public ValueDeserializer<?> modifyMapDeserializer(
                DeserializationConfig config,
                MapType type,
                BeanDescription.Supplier bean,
                ValueDeserializer<?> deserializer) {
            return new Recovering(deserializer);
        }

        @Override
        public ValueDeserializer<?> modifyMapLikeDeserializer(
                DeserializationConfig config,
                MapLikeType type,
                BeanDescription.Supplier bean,
                ValueDeserializer<?> deserializer) {
            return new Recovering(deserializer);
        }

        @Override
        public ValueDeserializer<?> modifyEnumDeserializer(
                DeserializationConfig config,
                JavaType type,
                BeanDescription.Supplier bean,
                ValueDeserializer<?> deserializer) {
            return new Recovering(deserializer);
        }
    }

    private static final class Recovering extends DelegatingDeserializer {

        Recovering(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new Recovering(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            List<FieldProblem> problems = collecting();
            if (problems == null) {
                return super.deserialize(p, ctxt);
            }
            JsonToken start = p.currentToken();
            TokenStreamContext context = p.streamReadContext();
            TokenStreamLocation where = p.currentTokenLocation();
            try {
                return super.deserialize(p, ctxt);
            } catch (MismatchedInputException | InputCoercionException e) {
                String field = path(p);
                // only a value refused where it begins can be skipped: one that failed half-read (a
                // field deep inside it) leaves the parser where the rest cannot be read
                boolean atStart = p.currentToken() == start
                        && p.streamReadContext() == context
                        && p.currentTokenLocation().getByteOffset() == where.getByteOffset()
                        && p.currentTokenLocation().getCharOffset() == where.getCharOffset();
                if (field.isEmpty() || !atStart) {
                    throw e;
                }
                problems.add(FieldProblem.of(field, "validation.typeMismatch"));
                if (p.currentToken() == JsonToken.START_OBJECT || p.currentToken() == JsonToken.START_ARRAY) {
                    p.skipChildren();
                }
                return getNullValue(ctxt);
            }
        }
    }

    /** The field being read, as {@code name}, {@code facilityIds[2]} or {@code sections[0].name}. */
    private static String path(JsonParser p) {
        TokenStreamContext context = p.streamReadContext();
        if (p.currentToken() == JsonToken.START_OBJECT || p.currentToken() == JsonToken.START_ARRAY) {
            context = context.getParent();
        }
        Deque<String> parts = new ArrayDeque<>();
        for (TokenStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.currentName() != null) {
                parts.addFirst("." + c.currentName());
            } else if (c.inArray()) {
                parts.addFirst("[" + c.getCurrentIndex() + "]");
            }
        }
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path;
    }
}
