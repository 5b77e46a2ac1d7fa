package dk.botilbudslaege.notification;

import dk.botilbudslaege.common.MultiLine;
import dk.botilbudslaege.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /profile}: the signed-in user's e-mail address (may be cleared), the language of their notifications,
 * and per kind how they are told: "Straks på e-mail", "Dagligt sammendrag" or "Kun i programmet"; saving also
 * switches the pages to the language chosen. A bad field is
 * shown by the field with what was typed kept; nothing is saved then.
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
        model.addAttribute("kinds", NotificationKind.values());
        model.addAttribute("deliveries", Preferences.Delivery.values());
        model.addAttribute("languages", LANGUAGES);
        return "notification/profile";
    }

    @PostMapping("/profile")
    String save(
            CurrentUser user,
            // the address is checked here, by its field: a line break in it (a header injection, "a@b.dk\r\nBcc: …")
            // is an invalid address with the input kept, not the request's 400 page; every other field is one line
            @MultiLine("email") @RequestParam Map<String, String> fields,
            Locale locale,
            Model model,
            RedirectAttributes redirect,
            HttpServletRequest request,
            HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        String email = Profiles.normalised(fields.get("email"));
        if (email == null) {
            errors.put("email", messages.getMessage("profile.email.invalid", null, locale));
        }
        String language = fields.getOrDefault("language", "da");
        if (!LANGUAGES.contains(language)) {
            errors.put("language", messages.getMessage("profile.language.invalid", null, locale));
        }
        Map<NotificationKind, Preferences.Delivery> deliveries = new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.values()) {
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
            model.addAttribute("profileErrors", errors);
            model.addAttribute("profileForm", new HashMap<>(fields));
            return page(user, model);
        }
        profiles.save(user.username(), email, language, deliveries);
        // the pages follow the language chosen as well (the "lang" cookie, as the header's switch sets it)
        Locale chosen = Locale.forLanguageTag(language);
        localeResolver.setLocale(request, response, chosen);
        redirect.addFlashAttribute("flash", messages.getMessage("profile.saved", null, chosen));
        return "redirect:/profile";
    }
}
