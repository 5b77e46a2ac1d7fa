package dk.botilbudslaege.matching;

import dk.botilbudslaege.common.ConcurrentChangeException;
import dk.botilbudslaege.common.ConflictException;
import dk.botilbudslaege.common.ForbiddenException;
import dk.botilbudslaege.common.InvalidInputException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

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

    /**
     * Runs a page's action; a refusal a person can act on becomes the next page's messages and the result is
     * empty. What the user's scope forbids stays a 403, and anything else is not hidden.
     */
    <T> Optional<T> attempt(RedirectAttributes redirect, Supplier<T> action) {
        try {
            return Optional.of(action.get());
        } catch (ForbiddenException e) {
            throw e;
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("actionErrors", of(e));
            return Optional.empty();
        }
    }

    /** The refusal's messages, or rethrows what is not a refusal (a bug must not hide). */
    List<String> of(RuntimeException e) {
        if (e instanceof InvalidInputException invalid) {
            return invalid.problems().stream()
                    .map(p -> text(p.messageKey(), p.args().toArray()))
                    .toList();
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
