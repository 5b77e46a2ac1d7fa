package dk.botilbudslaege.admin;

import dk.botilbudslaege.common.ForbiddenException;
import dk.botilbudslaege.common.FormErrors;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.Role;
import dk.botilbudslaege.security.api.ApiClients;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * API clients (issue 15 item 3): the administrator's, or a region's or municipality's user administrator's, list of
 * integrations, the registration form (named pickers of the manager's own scope), revocation and rotation after a
 * confirmation stating the consequence, and the credentials shown once: the POST that makes them redirects to a
 * one-time page (POST-redirect-GET), the credentials wait in the session under a random one-time id only until that
 * page is shown (at most five minutes), and the page has Cache-Control: no-store, so a reload cannot make new ones
 * and finds nothing to show again.
 */
@Controller
@RequestMapping("/admin/api-clients")
class ApiClientPageController {

    /** The registration form. */
    public static class ClientForm {
        private String name;
        private String role;
        private String regionCode;
        private String municipalityCode;
        private String facilityId;
        private String doctorId;
        private String rights = "READ";
        private String ratePerMinute = "600";
        private boolean clientCredentials = true;
        private boolean apiKey;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getRole() {
            return role;
        }

        public void setRole(String role) {
            this.role = role;
        }

        public String getRegionCode() {
            return regionCode;
        }

        public void setRegionCode(String regionCode) {
            this.regionCode = regionCode;
        }

        public String getMunicipalityCode() {
            return municipalityCode;
        }

        public void setMunicipalityCode(String municipalityCode) {
            this.municipalityCode = municipalityCode;
        }

        public String getFacilityId() {
            return facilityId;
        }

        public void setFacilityId(String facilityId) {
            this.facilityId = facilityId;
        }

        public String getDoctorId() {
            return doctorId;
        }

        public void setDoctorId(String doctorId) {
            this.doctorId = doctorId;
        }

        public String getRights() {
            return rights;
        }

        public void setRights(String rights) {
            this.rights = rights;
        }

        public String getRatePerMinute() {
            return ratePerMinute;
        }

        public void setRatePerMinute(String ratePerMinute) {
            this.ratePerMinute = ratePerMinute;
        }

        public boolean isClientCredentials() {
            return clientCredentials;
        }

        public void setClientCredentials(boolean clientCredentials) {
            this.clientCredentials = clientCredentials;
        }

        public boolean isApiKey() {
            return apiKey;
        }

        public void setApiKey(boolean apiKey) {
            this.apiKey = apiKey;
        }
    }

    private final ApiClients clients;
    private final MessageSource messages;

    ApiClientPageController(ApiClients clients, MessageSource messages) {
        this.clients = clients;
        this.messages = messages;
    }

    @ModelAttribute("nav")
    String nav() {
        return "admin";
    }

    @GetMapping
    String list(CurrentUser user, Model model) {
        model.addAttribute("clients", clients.list(user));
        return "admin/api-clients";
    }

    @GetMapping("/new")
    String form(CurrentUser user, Model model) {
        clients.list(user); // refuses a non-manager
        ClientForm form = new ClientForm();
        if (user.is(Role.REGION)) {
            form.setRole("REGION");
            form.setRegionCode(user.regionCode());
        } else if (user.is(Role.MUNICIPALITY)) {
            form.setRole("MUNICIPALITY");
            form.setMunicipalityCode(user.municipalityCode());
        }
        return show(user, form, model);
    }

    @PostMapping
    String register(
            CurrentUser user,
            @ModelAttribute("form") ClientForm form,
            BindingResult binding,
            Model model,
            HttpSession session) {
        if (!clients.mayManage(user)) {
            throw new ForbiddenException("apiclients.forbidden"); // 403 before any validation
        }
        var created = FormErrors.attempt(
                binding,
                () -> clients.register(
                        user,
                        new ApiClients.NewClient(
                                form.getName(),
                                form.getRole(),
                                form.getRegionCode(),
                                form.getMunicipalityCode(),
                                form.getFacilityId(),
                                form.getDoctorId(),
                                form.getRights(),
                                form.getRatePerMinute(),
                                form.isClientCredentials(),
                                form.isApiKey())));
        if (created.isEmpty()) {
            return show(user, form, model);
        }
        return showOnce(user, session, created.get(), "apiclients.shown.registered");
    }

    @GetMapping("/{id}/revoke")
    String confirmRevoke(CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("client", clients.get(user, id));
        return "admin/api-clients-revoke";
    }

    @PostMapping("/{id}/revoke")
    String revoke(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        ApiClients.Client client = clients.get(user, id);
        clients.revoke(user, id);
        redirect.addFlashAttribute("flash", text("apiclients.flash.revoked", client.name()));
        return "redirect:/admin/api-clients";
    }

    /** The confirmation of a new secret or key: the old one stops working at once. */
    @GetMapping("/{id}/{what:rotate-secret|rotate-key}")
    String confirmRotate(CurrentUser user, @PathVariable long id, @PathVariable String what, Model model) {
        model.addAttribute("client", clients.get(user, id));
        model.addAttribute("what", what);
        return "admin/api-clients-rotate";
    }

    @PostMapping("/{id}/rotate-secret")
    String rotateSecret(CurrentUser user, @PathVariable long id, HttpSession session) {
        return showOnce(user, session, clients.rotateSecret(user, id), "apiclients.shown.rotated");
    }

    @PostMapping("/{id}/rotate-key")
    String rotateKey(CurrentUser user, @PathVariable long id, HttpSession session) {
        return showOnce(user, session, clients.rotateKey(user, id), "apiclients.shown.rotated");
    }

    /**
     * The credentials, once: taken out of the session as they are shown, so a reload (or Back) finds nothing and
     * cannot make new ones (the POST that made them is behind a redirect). Never cached.
     */
    @GetMapping("/shown/{once}")
    String shown(
            CurrentUser user,
            @PathVariable String once,
            HttpSession session,
            Model model,
            HttpServletResponse response) {
        response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
        Shown shown = takeShown(session, once);
        if (shown == null || !shown.by().equals(user.username()) || shown.expired()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "admin/api-clients-gone";
        }
        model.addAttribute("credentials", shown.credentials());
        model.addAttribute(
                "heading", text(shown.headingKey(), shown.credentials().name()));
        return "admin/api-clients-secret";
    }

    /** Credentials waiting to be shown once, under a random one-time id, for at most five minutes. */
    record Shown(ApiClients.Credentials credentials, String headingKey, String by, Instant madeAt)
            implements Serializable {
        boolean expired() {
            return madeAt.isBefore(Instant.now().minus(Duration.ofMinutes(5)));
        }
    }

    private static final String SHOWN = ApiClientPageController.class.getName() + ".shown";
    private static final SecureRandom RANDOM = new SecureRandom();

    /*
     * Issue 17, several instances: each waiting secret is a session attribute of its own (the session lives in
     * PostgreSQL, Spring Session JDBC), so the instance that shows it need not be the one that made it. Taking it
     * removes the attribute, and the removal is written with the request; an expired one is removed unseen.
     */
    private static Shown takeShown(HttpSession session, String once) {
        if (!once.matches("[A-Za-z0-9_-]{1,64}")) {
            return null;
        }
        synchronized (session) {
            Object shown = session.getAttribute(SHOWN + "." + once);
            session.removeAttribute(SHOWN + "." + once);
            removeExpired(session);
            return shown instanceof Shown s ? s : null;
        }
    }

    private static void removeExpired(HttpSession session) {
        for (String name : Collections.list(session.getAttributeNames())) {
            if (name.startsWith(SHOWN + ".") && session.getAttribute(name) instanceof Shown s && s.expired()) {
                session.removeAttribute(name);
            }
        }
    }

    private String showOnce(
            CurrentUser user, HttpSession session, ApiClients.Credentials credentials, String headingKey) {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        String once = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        synchronized (session) {
            removeExpired(session);
            session.setAttribute(
                    SHOWN + "." + once, new Shown(credentials, headingKey, user.username(), Instant.now()));
        }
        return "redirect:/admin/api-clients/shown/" + once;
    }

    private String show(CurrentUser user, ClientForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("options", clients.options(user));
        model.addAttribute("rightsValues", List.of("READ", "READ_WRITE"));
        return "admin/api-clients-new";
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
