package dk.botilbudslaege.web;

import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.util.DetailedError;

/**
 * Review 16 (i16-fixc), finding 7: a form's error summary lists its errors in the order of the form's fields (the
 * form class declares them in the order the page shows them), not in the order the checks ran; errors of the whole
 * form come first. Used as {@code @errorOrder.sorted(#fields.detailedErrors(), #root)} in fields.html.
 */
@Component("errorOrder")
public class ErrorOrder {

    public List<DetailedError> sorted(List<DetailedError> errors, Object form) {
        if (errors == null || errors.size() < 2 || form == null) {
            return errors;
        }
        List<String> fields = fieldsOf(form.getClass());
        List<DetailedError> sorted = new ArrayList<>(errors);
        sorted.sort(Comparator.comparingInt(e -> position(e, fields))); // stable: ties keep their order
        return sorted;
    }

    private static int position(DetailedError error, List<String> fields) {
        if (error.isGlobal() || error.getFieldName() == null) {
            return -1;
        }
        String name = error.getFieldName();
        int cut = indexOfAny(name);
        int index = fields.indexOf(cut < 0 ? name : name.substring(0, cut));
        return index < 0 ? Integer.MAX_VALUE : index;
    }

    private static int indexOfAny(String name) {
        int bracket = name.indexOf('[');
        int dot = name.indexOf('.');
        if (bracket < 0) {
            return dot;
        }
        return dot < 0 ? bracket : Math.min(bracket, dot);
    }

    private static List<String> fieldsOf(Class<?> type) {
        List<String> names = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                names.add(component.getName());
            }
            return names;
        }
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            chain.add(0, c);
        }
        for (Class<?> c : chain) {
            for (Field field : c.getDeclaredFields()) {
                if (!field.isSynthetic() && !java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
                    names.add(field.getName());
                }
            }
        }
        return names;
    }
}
