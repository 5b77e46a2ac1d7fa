package dk.botilbudslaege.matching;

import java.util.List;

import dk.botilbudslaege.common.ConcurrentChangeException;
import dk.botilbudslaege.common.ConflictException;
import dk.botilbudslaege.common.ForbiddenException;
import dk.botilbudslaege.common.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The messages a person reads on the matching pages for a refusal they can act on. */
@Component
class PageMessages {

    private final MessageSource messages;

    PageMessages(MessageSource messages) {
        this.messages = messages;
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    /** The refusal's messages, or rethrows what is not a refusal (a bug must not hide). */
    List<String> of(RuntimeException e) {
        if (e instanceof InvalidInputException invalid) {
            return invalid.problems().stream().map(p -> text(p.messageKey(), p.args().toArray())).toList();
        }
        if (e instanceof ConflictException conflict) {
            return List.of(text(conflict.messageKey()));
        }
        if (e instanceof ForbiddenException forbidden) {
            return List.of(text(forbidden.messageKey()));
        }
        if (e instanceof ConcurrentChangeException) {
            return List.of(text("form.concurrentChange"));
        }
        throw e;
    }
}
