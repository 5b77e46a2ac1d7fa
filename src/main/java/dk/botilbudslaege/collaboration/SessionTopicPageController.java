package dk.botilbudslaege.collaboration;

import dk.botilbudslaege.common.ForbiddenException;
import dk.botilbudslaege.common.FormErrors;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.Role;
import jakarta.validation.Valid;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's page for the catalogue of session topics ({@code /admin/session-topics}). */
@Controller
@RequestMapping("/admin/session-topics")
class SessionTopicPageController {

    /** The add form: one name. */
    public static class TopicForm {
        private String name;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }
    }

    private final SessionTopics topics;
    private final MessageSource messages;

    SessionTopicPageController(SessionTopics topics, MessageSource messages) {
        this.topics = topics;
        this.messages = messages;
    }

    @GetMapping
    String page(CurrentUser user, Model model) {
        return show(user, new TopicForm(), model);
    }

    @PostMapping
    String add(
            CurrentUser user,
            @Valid @ModelAttribute("form") TopicForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        // @Valid: a control character is a message on the field with the input kept, not a 400 page
        var added = FormErrors.attempt(binding, () -> topics.add(user, new SessionTopics.NewTopic(form.getName())));
        if (added.isPresent()) {
            redirect.addFlashAttribute(
                    "flash", text("sessionTopic.flash.added", added.get().name()));
            return "redirect:/admin/session-topics";
        }
        return show(user, form, model);
    }

    @PostMapping("/{id}/remove")
    String remove(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        topics.remove(user, id);
        redirect.addFlashAttribute("flash", text("sessionTopic.flash.removed"));
        return "redirect:/admin/session-topics";
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    private String show(CurrentUser user, TopicForm form, Model model) {
        if (!user.is(Role.ADMIN)) {
            throw new ForbiddenException("scope.sessionTopic.edit");
        }
        model.addAttribute("nav", "admin");
        model.addAttribute("form", form);
        model.addAttribute("topics", topics.list());
        return "collaboration/session-topics";
    }
}
