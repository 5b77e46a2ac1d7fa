package dk.botilbudslaege.notification;

import dk.botilbudslaege.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /profile}: the signed-in user's e-mail address (may be cleared), the language of their notifications,
 * and per kind how they are told: "Straks på e-mail", "Dagligt sammendrag" or "Kun i programmet"; saving also
 * switches the pages to the language chosen. A bad field is
 * shown by the field with what was typed kept; nothing is saved then. The address and the language must be in the
 * form (empty clears the address): a request without either is a {@code 400} with the page and the field's
 * message, never a silent "no address, Danish". The kinds offered are those the user's role can be told of
 * ({@link NotificationKind#toldTo}); a kind left out, unknown or not the role's is kept as it is.
 */
@Controller
class ProfilePageController {

    private static final List<String> LANGUAGES = List.of("da", "en");

    private final Profiles profiles;
    private final MessageSource messages;
    private final LocaleResolver localeResolver;

    ProfilePageController(Profiles profiles, MessageSource messages, LocaleResolver localeResolver) {
        this.profiles = profiles;
        this.messages = messages;
        this.localeResolver = localeResolver;
    }

    @GetMapping("/profile")
    String page(CurrentUser user, Model model) {
        if (!model.containsAttribute("profileForm")) {
            Profiles.Profile profile = profiles.of(user.username());
            Map<String, String> form = new HashMap<>();
            form.put("email", profile.email() == null ? "" : profile.email());
            form.put("language", profile.language());
            profile.deliveries().forEach((kind, delivery) -> form.put(kind.name(), delivery.name()));
            model.addAttribute("profileForm", form);
        }
        if (!model.containsAttribute("profileErrors")) {
            model.addAttribute("profileErrors", new LinkedHashMap<String, String>());
        }
        model.addAttribute("nav", "profile");
        model.addAttribute("kinds", NotificationKind.toldTo(user.role()));
        model.addAttribute("deliveries", Preferences.Delivery.values());
        model.addAttribute("languages", LANGUAGES);
        return "notification/profile";
    }

    @PostMapping("/profile")
    String save(
            CurrentUser user,
            // the address is checked here, by its field (a validated form: the request's text checks leave it to
            // the form): a line break in it (a header injection, "a@b.dk\r\nBcc: …") or an invisible character
            // (U+202E) is an invalid address with the input kept, not the request's 400 page
            @Valid @ModelAttribute("profileAddress") ProfileAddressForm address,
            BindingResult addressBinding,
            @RequestParam Map<String, String> fields,
            Locale locale,
            Model model,
            RedirectAttributes redirect,
            HttpServletRequest request,
            HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        boolean missing = false;
        String email = null;
        if (!fields.containsKey("email")) {
            missing = true;
            errors.put("email", messages.getMessage("profile.email.missing", null, locale));
        } else if (!addressBinding.hasFieldErrors("email")) {
            email = Profiles.normalised(fields.get("email"));
        }
        if (fields.containsKey("email") && email == null) {
            errors.put("email", messages.getMessage("profile.email.invalid", null, locale));
        } else if (email != null && !email.isEmpty() && profiles.emailTaken(user.username(), email)) {
            // issue 15: one address, one user (V36); whose it is is not said
            errors.put("email", messages.getMessage("profile.email.taken", null, locale));
        }
        String language = fields.get("language");
        if (language == null) {
            missing = true;
            errors.put("language", messages.getMessage("profile.language.missing", null, locale));
        } else if (!LANGUAGES.contains(language)) {
            errors.put("language", messages.getMessage("profile.language.invalid", null, locale));
        }
        Map<NotificationKind, Preferences.Delivery> deliveries = new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.toldTo(user.role())) {
            String value = fields.get(kind.name());
            if (value == null) {
                continue; // left out: kept as it is
            }
            try {
                deliveries.put(kind, Preferences.Delivery.valueOf(value));
            } catch (IllegalArgumentException e) {
                errors.put(
                        kind.name(),
                        messages.getMessage(
                                "profile.delivery.invalid",
                                new Object[] {messages.getMessage("notification.kind." + kind.name(), null, locale)},
                                locale));
            }
        }
        if (!errors.isEmpty()) {
            if (missing) {
                // a stale or hand-made form: nothing is saved, and the answer says the request was incomplete
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            }
            model.addAttribute("profileErrors", errors);
            model.addAttribute("profileForm", new HashMap<>(fields));
            return page(user, model);
        }
        try {
            profiles.save(user.username(), email, language, deliveries);
        } catch (DuplicateKeyException taken) {
            // taken by another user between the check and the save (V36's unique index): the same field message
            model.addAttribute(
                    "profileErrors", Map.of("email", messages.getMessage("profile.email.taken", null, locale)));
            model.addAttribute("profileForm", new HashMap<>(fields));
            return page(user, model);
        }
        // the pages follow the language chosen as well (the "lang" cookie, as the header's switch sets it)
        Locale chosen = Locale.forLanguageTag(language);
        localeResolver.setLocale(request, response, chosen);
        redirect.addFlashAttribute("flash", messages.getMessage("profile.saved", null, chosen));
        return "redirect:/profile";
    }
}
