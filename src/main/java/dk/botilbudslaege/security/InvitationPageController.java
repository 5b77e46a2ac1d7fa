package dk.botilbudslaege.security;

import dk.botilbudslaege.common.FieldProblem;
import dk.botilbudslaege.common.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The invitation link (issue 15 item 2): the invited user chooses a password (at least 12 characters) and the link
 * is used up. An unknown link answers 404, an expired or used one 410, each with a page that says what to do.
 */
@Controller
class InvitationPageController {

    private final Invitations invitations;
    private final MessageSource messages;

    InvitationPageController(Invitations invitations, MessageSource messages) {
        this.invitations = invitations;
        this.messages = messages;
    }

    @GetMapping("/invitation/done")
    String done(Model model) {
        model.addAttribute("state", "DONE");
        return "invitation";
    }

    @GetMapping("/invitation/{token}")
    String page(@PathVariable String token, Model model, HttpServletResponse response) {
        Optional<Invitations.Invitation> invitation = invitations.find(token);
        return show(token, invitation.map(Invitations.Invitation::state), invitation, model, response);
    }

    @PostMapping("/invitation/{token}")
    String accept(
            @PathVariable String token,
            @RequestParam(required = false) String password,
            @RequestParam(required = false) String passwordRepeat,
            Model model,
            HttpServletResponse response) {
        Optional<Invitations.Invitation> invitation = invitations.find(token);
        try {
            Optional<Invitations.State> state = invitations.accept(token, password, passwordRepeat);
            if (state.isPresent() && state.get() == Invitations.State.VALID) {
                return "redirect:/invitation/done";
            }
            return show(token, state, invitation, model, response);
        } catch (InvalidInputException e) {
            List<String> errors = new ArrayList<>();
            for (FieldProblem p : e.problems()) {
                errors.add(messages.getMessage(
                        p.messageKey(), p.args().toArray(), p.messageKey(), LocaleContextHolder.getLocale()));
            }
            model.addAttribute("errors", errors);
            response.setStatus(400);
            return show(token, Optional.of(Invitations.State.VALID), invitation, model, response);
        }
    }

    private String show(
            String token,
            Optional<Invitations.State> state,
            Optional<Invitations.Invitation> invitation,
            Model model,
            HttpServletResponse response) {
        if (state.isEmpty()) {
            response.setStatus(404);
            model.addAttribute("state", "UNKNOWN");
            return "invitation";
        }
        if (state.get() != Invitations.State.VALID) {
            response.setStatus(410);
        }
        model.addAttribute("state", state.get().name());
        model.addAttribute("token", token);
        model.addAttribute("passwordLogin", invitations.passwordLogin());
        model.addAttribute("minPassword", Invitations.MIN_PASSWORD);
        invitation.ifPresent(i -> {
            model.addAttribute("username", i.username());
            model.addAttribute("displayName", i.displayName());
        });
        return "invitation";
    }
}
