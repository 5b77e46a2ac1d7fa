package dk.botilbudslaege.admin;

import dk.botilbudslaege.audit.AuditTrail;
import dk.botilbudslaege.common.FieldProblem;
import dk.botilbudslaege.common.InvalidInputException;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.Role;
import dk.botilbudslaege.security.UserAdministration;
import dk.botilbudslaege.security.UserAdministration.Scope;
import dk.botilbudslaege.security.UserAdministration.UserRow;
import dk.botilbudslaege.security.UserEvents;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Brugere" (issue 15 item 2): the users an administrator manages (ADMIN: all; a region's or municipality's user
 * administrator: its own), an invitation, and a user's page to set role and scope, the user-administrator right,
 * and to disable or enable. The rules are {@link UserAdministration}'s; post–redirect–get.
 */
@Controller
@RequestMapping("/admin/users")
class UserAdminPageController {

    private final UserAdministration users;
    private final AuditTrail audit;
    private final MessageSource messages;

    UserAdminPageController(UserAdministration users, AuditTrail audit, MessageSource messages) {
        this.users = users;
        this.audit = audit;
        this.messages = messages;
    }

    @ModelAttribute("nav")
    String nav() {
        return "users";
    }

    @GetMapping
    String list(
            CurrentUser admin,
            @RequestParam(required = false) String role,
            @RequestParam(required = false) String scope,
            @RequestParam(required = false) String enabled,
            @RequestParam(required = false) String q,
            Model model) {
        Role r = role(role);
        Boolean e = "true".equals(enabled) ? Boolean.TRUE : "false".equals(enabled) ? Boolean.FALSE : null;
        List<UserRow> rows = users.list(admin, new UserAdministration.Filter(r, scope, e, q));
        // the list's filter names regions and municipalities only: not the facilities and doctors of the forms
        UserAdministration.Options options = users.filterOptions(admin);
        model.addAttribute("users", rows);
        model.addAttribute("scopes", scopeNames(rows));
        model.addAttribute("options", options);
        model.addAttribute("roles", Role.values());
        model.addAttribute("filterRole", r == null ? "" : r.name());
        model.addAttribute("filterScope", scope == null ? "" : scope);
        model.addAttribute("filterEnabled", e == null ? "" : e.toString());
        model.addAttribute("filterText", q == null ? "" : q);
        return "admin/users";
    }

    @GetMapping("/new")
    String newForm(CurrentUser admin, Model model) {
        model.addAttribute("options", users.options(admin));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("language", "da"));
        }
        return "admin/users-new";
    }

    @PostMapping("/new")
    String invite(CurrentUser admin, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        try {
            String username = users.invite(
                    admin,
                    new UserAdministration.NewInvite(
                            form.get("username"),
                            form.get("displayName"),
                            form.get("email"),
                            form.get("language"),
                            scope(form),
                            userAdmin(form)));
            redirect.addFlashAttribute(
                    "flash", text("users.invited", form.get("email").trim()));
            return "redirect:/admin/users/" + username;
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("actionErrors", errors(e));
            Map<String, String> kept = new LinkedHashMap<>(form);
            kept.remove("_csrf");
            redirect.addFlashAttribute("form", kept);
            return "redirect:/admin/users/new";
        }
    }

    @GetMapping("/{username}")
    String user(CurrentUser admin, @PathVariable String username, Model model) {
        UserRow user = users.get(admin, username);
        model.addAttribute("user", user);
        model.addAttribute("scopeName", scopeName(user));
        model.addAttribute("self", user.username().equals(admin.username()));
        model.addAttribute("options", users.options(admin));
        model.addAttribute("history", inWords(audit.history(UserEvents.ENTITY, user.username())));
        Map<String, String> current = new LinkedHashMap<>();
        current.put("role", user.role().name());
        current.put("regionCode", user.regionCode());
        current.put("municipalityCode", user.municipalityCode());
        current.put(
                "facilityId",
                user.facilityId() == null ? null : user.facilityId().toString());
        current.put("doctorId", user.doctorId() == null ? null : user.doctorId().toString());
        current.put("userAdmin", Boolean.toString(user.userAdmin()));
        model.addAttribute("current", current);
        return "admin/users-edit";
    }

    @PostMapping("/{username}/role")
    String change(
            CurrentUser admin,
            @PathVariable String username,
            @RequestParam Map<String, String> form,
            RedirectAttributes redirect) {
        return attempt(redirect, username, () -> {
            users.change(admin, username, scope(form), userAdmin(form));
            return text("users.changed");
        });
    }

    /** Disabling asks first: the page states the consequence, and a second post confirms. */
    @PostMapping("/{username}/disable")
    String disable(
            CurrentUser admin,
            @PathVariable String username,
            @RequestParam(required = false, defaultValue = "false") boolean confirmed,
            RedirectAttributes redirect) {
        UserRow user = users.get(admin, username);
        if (!confirmed) {
            if (user.username().equals(admin.username())) {
                users.setEnabled(admin, username, false); // refused: nobody disables themselves
            }
            redirect.addFlashAttribute("confirmDisable", text("users.disable.consequence", user.displayName()));
            return "redirect:/admin/users/" + username;
        }
        return attempt(redirect, username, () -> {
            users.setEnabled(admin, username, false);
            return text("users.disabled");
        });
    }

    @PostMapping("/{username}/enable")
    String enable(CurrentUser admin, @PathVariable String username, RedirectAttributes redirect) {
        return attempt(redirect, username, () -> {
            users.setEnabled(admin, username, true);
            return text("users.enabled");
        });
    }

    @PostMapping("/{username}/reinvite")
    String reinvite(CurrentUser admin, @PathVariable String username, RedirectAttributes redirect) {
        return attempt(redirect, username, () -> {
            users.reinvite(admin, username);
            return text("users.reinvited");
        });
    }

    private String attempt(RedirectAttributes redirect, String username, Supplier<String> action) {
        try {
            redirect.addFlashAttribute("flash", action.get());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("actionErrors", errors(e));
        }
        return "redirect:/admin/users/" + username;
    }

    private List<String> errors(InvalidInputException e) {
        List<String> errors = new ArrayList<>();
        for (FieldProblem p : e.problems()) {
            errors.add(text("users.field." + p.field()) + ": "
                    + text(p.messageKey(), p.args().toArray()));
        }
        return errors;
    }

    /**
     * The check box: absent or "false" is no, "true" yes; anything else (a hand-made "maybe") is a field error, never
     * a silent no that would take the right away (issue 15 review).
     */
    private static boolean userAdmin(Map<String, String> form) {
        String value = form.get("userAdmin");
        if (value == null || value.isEmpty() || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw InvalidInputException.of(FieldProblem.of("userAdmin", "users.userAdmin.invalid"));
    }

    private static Role role(String role) {
        if (role == null || role.isBlank()) {
            return null;
        }
        for (Role r : Role.values()) {
            if (r.name().equals(role.trim())) {
                return r;
            }
        }
        return null;
    }

    private static Scope scope(Map<String, String> form) {
        Role role = role(form.get("role"));
        return new Scope(
                role,
                form.get("regionCode"),
                form.get("municipalityCode"),
                id(form.get("facilityId")),
                id(form.get("doctorId")));
    }

    /** An id as typed: empty is none; anything but a number is an id that does not exist (refused by name). */
    private static Long id(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    private static final List<String> NAMED = List.of("regionCode", "municipalityCode", "facilityId", "doctorId");

    /**
     * The history in words (issue 15 review): the role's label, the region, municipality, facility and doctor by
     * name, "sendt" for an invitation, never a code.
     */
    List<AuditTrail.AuditEvent> inWords(List<AuditTrail.AuditEvent> events) {
        Map<String, Map<String, String>> names = new LinkedHashMap<>();
        for (String field : NAMED) {
            java.util.Set<String> values = new java.util.HashSet<>();
            for (AuditTrail.AuditEvent e : events) {
                AuditTrail.Change c = e.changes().get(field);
                if (c != null) {
                    if (c.from() != null) {
                        values.add(c.from().toString());
                    }
                    if (c.to() != null) {
                        values.add(c.to().toString());
                    }
                }
            }
            names.put(field, users.namesInHistory(field, values));
        }
        List<AuditTrail.AuditEvent> shown = new ArrayList<>();
        for (AuditTrail.AuditEvent e : events) {
            Map<String, AuditTrail.Change> changes = new LinkedHashMap<>();
            e.changes()
                    .forEach((field, c) -> changes.put(
                            field, new AuditTrail.Change(word(field, c.from(), names), word(field, c.to(), names))));
            shown.add(new AuditTrail.AuditEvent(
                    e.id(), e.occurredAt(), e.actor(), e.entityType(), e.entityId(), e.action(), changes));
        }
        return shown;
    }

    private Object word(String field, Object value, Map<String, Map<String, String>> names) {
        if (value == null) {
            return null;
        }
        if (field.equals("role")) {
            return text("role." + value);
        }
        if (field.equals("invitation")) {
            return text("users.history.invitation." + value);
        }
        Map<String, String> byValue = names.get(field);
        return byValue == null ? value : byValue.getOrDefault(value.toString(), value.toString());
    }

    private Map<String, String> scopeNames(List<UserRow> rows) {
        Map<String, String> names = new LinkedHashMap<>();
        rows.forEach(r -> names.put(r.username(), scopeName(r)));
        return names;
    }

    /** The scope in words: the region's, municipality's, facility's or doctor's name, never a code. */
    String scopeName(UserRow u) {
        return switch (u.role()) {
            case REGION -> nonNull(u.regionName());
            case MUNICIPALITY -> text("users.scope.municipality", nonNull(u.municipalityName()));
            case FACILITY -> text("users.scope.facility", nonNull(u.facilityName()), nonNull(u.municipalityName()));
            case DOCTOR -> text("users.scope.doctor", nonNull(u.doctorName()), nonNull(u.municipalityName()));
            case NATIONAL, ADMIN -> text("users.scope.national");
        };
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
