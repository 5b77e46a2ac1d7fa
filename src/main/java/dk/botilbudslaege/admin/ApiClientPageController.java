package dk.botilbudslaege.admin;

import dk.botilbudslaege.common.FormErrors;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.Role;
import dk.botilbudslaege.security.api.ApiClients;
import jakarta.servlet.http.HttpServletResponse;
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
 * integrations, the registration form, the credentials shown once (answered directly, never stored in a flash or
 * the session, with Cache-Control: no-store), revocation after a confirmation stating its consequence, and rotation.
 */
@Controller
@RequestMapping("/admin/api-clients")
class ApiClientPageController {

    static final List<String> ROLES = List.of("REGION", "MUNICIPALITY", "FACILITY", "DOCTOR", "NATIONAL");

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
        return show(form, model);
    }

    @PostMapping
    String register(
            CurrentUser user,
            @ModelAttribute("form") ClientForm form,
            BindingResult binding,
            Model model,
            HttpServletResponse response) {
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
            return show(form, model);
        }
        return credentials(created.get(), "apiclients.shown.registered", model, response);
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

    @PostMapping("/{id}/rotate-secret")
    String rotateSecret(CurrentUser user, @PathVariable long id, Model model, HttpServletResponse response) {
        return credentials(clients.rotateSecret(user, id), "apiclients.shown.rotated", model, response);
    }

    @PostMapping("/{id}/rotate-key")
    String rotateKey(CurrentUser user, @PathVariable long id, Model model, HttpServletResponse response) {
        return credentials(clients.rotateKey(user, id), "apiclients.shown.rotated", model, response);
    }

    private String credentials(
            ApiClients.Credentials credentials, String headingKey, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
        model.addAttribute("credentials", credentials);
        model.addAttribute("heading", text(headingKey, credentials.name()));
        return "admin/api-clients-secret";
    }

    private String show(ClientForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("roles", ROLES);
        model.addAttribute("rightsValues", List.of("READ", "READ_WRITE"));
        return "admin/api-clients-new";
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
