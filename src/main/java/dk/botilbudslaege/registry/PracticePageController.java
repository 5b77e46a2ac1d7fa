package dk.botilbudslaege.registry;

import dk.botilbudslaege.common.ForbiddenException;
import dk.botilbudslaege.common.FormErrors;
import dk.botilbudslaege.common.PageLinks;
import dk.botilbudslaege.common.PageRequest;
import dk.botilbudslaege.common.PageResult;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.Role;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages for practices and their doctors ("Læger og praksisser"). */
@Controller
class PracticePageController {

    private final Practices practices;
    private final Doctors doctors;
    private final ReferenceData reference;
    private final RegistryAudit registryAudit;
    private final ChangeRequests changeRequests;
    private final MessageSource messages;
    private final RegistryCommitments commitments;

    PracticePageController(
            Practices practices,
            Doctors doctors,
            ReferenceData reference,
            RegistryAudit registryAudit,
            ChangeRequests changeRequests,
            MessageSource messages,
            RegistryCommitments commitments) {
        this.practices = practices;
        this.doctors = doctors;
        this.reference = reference;
        this.registryAudit = registryAudit;
        this.changeRequests = changeRequests;
        this.messages = messages;
        this.commitments = commitments;
    }

    @ModelAttribute("nav")
    String nav() {
        return "practices";
    }

    @GetMapping("/practices")
    String list(
            CurrentUser user,
            @RequestParam(required = false) String municipalityCode,
            @RequestParam(required = false) ClinicType clinicType,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model) {
        var filter = new Practices.PracticeFilter(municipalityCode, clinicType, q);
        model.addAttribute("filter", filter);
        PageRequest request = PageRequest.forPage(page, size, 25, sort, dir, PracticeRepository.PRACTICE_SORT);
        model.addAttribute("result", PageResult.showingLastWhenPast(request, r -> practices.search(user, filter, r)));
        String baseUrl =
                PageLinks.of("/practices", "q", q, "municipalityCode", municipalityCode, "clinicType", clinicType);
        model.addAttribute("baseUrl", baseUrl);
        model.addAttribute("listLinks", dk.botilbudslaege.common.ListLinks.of(baseUrl, request, 25));
        model.addAttribute("municipalities", regionMunicipalities(user));
        model.addAttribute("clinicTypes", ClinicType.values());
        model.addAttribute("canCreate", practices.canCreate(user));
        return htmx != null ? "practices/list :: results" : "practices/list";
    }

    @GetMapping("/doctors")
    String doctors(
            CurrentUser user,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Boolean nursingHomeDoctor,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model) {
        var filter = new Doctors.DoctorFilter(null, nursingHomeDoctor, q);
        model.addAttribute("filter", filter);
        PageRequest request = PageRequest.forPage(page, size, 25, sort, dir, PracticeRepository.DOCTOR_SORT);
        model.addAttribute("result", PageResult.showingLastWhenPast(request, r -> doctors.search(user, filter, r)));
        String baseUrl = PageLinks.of("/doctors", "q", q, "nursingHomeDoctor", nursingHomeDoctor);
        model.addAttribute("baseUrl", baseUrl);
        model.addAttribute("listLinks", dk.botilbudslaege.common.ListLinks.of(baseUrl, request, 25));
        return htmx != null ? "practices/doctors :: results" : "practices/doctors";
    }

    @GetMapping("/practices/{id}")
    String detail(CurrentUser user, @PathVariable long id, Model model) {
        Practice practice = practices.get(user, id);
        model.addAttribute("practice", practice);
        model.addAttribute(
                "doctors",
                doctors.search(user, new Doctors.DoctorFilter(id, null, null), PageRequest.of(0, 200, 200))
                        .content());
        model.addAttribute("canEdit", practices.canEdit(user, practice));
        // i16-rest: capacities used (R3), counted as the agreement rules count them
        RegistryCommitments.PracticeLoad load = commitments
                .practiceLoad(id)
                .orElse(new RegistryCommitments.PracticeLoad(practice.doctorCapacity(), 0, java.util.Map.of()));
        model.addAttribute("load", load);
        // review 16 finding 3: who has a dispensation is shown to the practice's region (the practice is read in
        // the caller's scope, so a region user here is its region) and to the doctor themself; others see a count
        model.addAttribute("showAllDispensations", user.is(Role.REGION));
        model.addAttribute("ownDoctorId", user.is(Role.DOCTOR) ? user.doctorId() : null);
        model.addAttribute(
                "dispensedCount",
                load.doctors().values().stream()
                        .filter(RegistryCommitments.DoctorLoad::dispensed)
                        .count());
        model.addAttribute("canAddDoctor", doctors.canCreate(user, practice));
        boolean canFile = changeRequests.canFile(user, practice);
        model.addAttribute("canFileChange", canFile);
        if (canFile) {
            model.addAttribute(
                    "changeFields",
                    java.util.Arrays.stream(ChangeRequestField.values())
                            .map(ChangeRequestField::apiName)
                            .toList());
            model.addAttribute(
                    "changeRequests",
                    changeRequests.list(user, null).stream()
                            .filter(r -> r.practiceId() == id)
                            .limit(20)
                            .toList());
            if (!model.containsAttribute("changeRequestForm")) {
                ChangeRequestForm form = new ChangeRequestForm();
                form.setValidFrom(PracticeRepository.today().withDayOfMonth(1).plusMonths(1));
                model.addAttribute("changeRequestForm", form);
            }
        }
        if (RegistryAudit.canRead(user)) {
            model.addAttribute("canSeeHistory", true);
            model.addAttribute("history", registryAudit.practiceHistory(user, id));
        }
        if (!model.containsAttribute("doctorForm")) {
            DoctorForm doctorForm = new DoctorForm();
            doctorForm.setPracticeId(id);
            doctorForm.setCapacities(1);
            model.addAttribute("doctorForm", doctorForm);
        }
        return "practices/detail";
    }

    @GetMapping("/practices/new")
    String createForm(CurrentUser user, Model model) {
        if (!practices.canCreate(user)) {
            throw new ForbiddenException("scope.practice.create");
        }
        PracticeForm form = new PracticeForm();
        form.setClinicType(ClinicType.ORDINARY);
        form.setDoctorCapacity(1);
        return showForm(user, form, null, model);
    }

    @PostMapping("/practices")
    String create(
            CurrentUser user,
            @Valid @ModelAttribute("form") PracticeForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        if (!practices.canCreate(user)) {
            throw new ForbiddenException("scope.practice.create");
        }
        var created = FormErrors.attempt(binding, () -> practices.create(user, form));
        if (created.isPresent()) {
            redirect.addFlashAttribute("flash", text("flash.created"));
            return "redirect:/practices/" + created.get().id();
        }
        return showForm(user, form, null, model);
    }

    @GetMapping("/practices/{id}/edit")
    String editForm(CurrentUser user, @PathVariable long id, Model model) {
        Practice practice = practices.get(user, id);
        if (!practices.canEdit(user, practice)) {
            throw new ForbiddenException("scope.practice.write");
        }
        return showForm(user, PracticeForm.of(practice), practice, model);
    }

    @PostMapping("/practices/{id}")
    String update(
            CurrentUser user,
            @PathVariable long id,
            @Valid @ModelAttribute("form") PracticeForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        Practice practice = practices.get(user, id);
        for (String field : practices.refusedFields(user, practice, form)) {
            // a doctor changes only contact details; nothing is saved while a region-owned field differs
            binding.rejectValue(field, "practice.regionOwned.field");
        }
        if (FormErrors.attempt(binding, () -> practices.update(user, id, form)).isPresent()) {
            redirect.addFlashAttribute("flash", text("flash.saved"));
            return "redirect:/practices/" + id;
        }
        return showForm(user, form, practice, model);
    }

    @PostMapping("/practices/{id}/doctors")
    String addDoctor(
            CurrentUser user,
            @PathVariable long id,
            @Valid @ModelAttribute("doctorForm") DoctorForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        form.setPracticeId(id);
        if (!doctors.canCreate(user, practices.get(user, id))) {
            throw new ForbiddenException("scope.doctor.create");
        }
        if (FormErrors.attempt(binding, () -> doctors.create(user, form)).isPresent()) {
            redirect.addFlashAttribute("flash", text("flash.created"));
            return "redirect:/practices/" + id;
        }
        return detail(user, id, model);
    }

    @GetMapping("/doctors/{id}/edit")
    String editDoctor(CurrentUser user, @PathVariable long id, Model model) {
        Doctor doctor = doctors.get(user, id);
        if (!doctors.canEdit(user, doctor)) {
            throw new ForbiddenException("scope.practice.write");
        }
        model.addAttribute("doctor", doctor);
        model.addAttribute("form", DoctorForm.of(doctor));
        model.addAttribute("regionOwnedLocked", user.is(Role.DOCTOR));
        return "practices/doctor-form";
    }

    @PostMapping("/doctors/{id}")
    String updateDoctor(
            CurrentUser user,
            @PathVariable long id,
            @Valid @ModelAttribute("form") DoctorForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        Doctor doctor = doctors.get(user, id);
        if (doctors.refusesNursingHomeChange(user, doctor, form)) {
            boolean capacities = form.getCapacities() != null && form.getCapacities() != doctor.capacities();
            binding.rejectValue(capacities ? "capacities" : "nursingHomeDoctor", "practice.regionOwned.field");
        }
        if (FormErrors.attempt(binding, () -> doctors.update(user, id, form)).isPresent()) {
            redirect.addFlashAttribute("flash", text("flash.saved"));
            return "redirect:/practices/" + form.getPracticeId();
        }
        model.addAttribute("doctor", doctor);
        model.addAttribute("regionOwnedLocked", user.is(Role.DOCTOR));
        return "practices/doctor-form";
    }

    private String showForm(CurrentUser user, PracticeForm form, Practice existing, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("existing", existing);
        model.addAttribute("regionOwnedLocked", existing != null && user.is(Role.DOCTOR));
        model.addAttribute("municipalities", regionMunicipalities(user));
        model.addAttribute("clinicTypes", ClinicType.values());
        return "practices/form";
    }

    private List<Municipality> regionMunicipalities(CurrentUser user) {
        return user.national() ? List.of() : reference.municipalitiesOf(user.regionCode());
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
