package dk.botilbudslaege.start;

import dk.botilbudslaege.agreement.Agreement;
import dk.botilbudslaege.agreement.AgreementStatus;
import dk.botilbudslaege.agreement.Agreements;
import dk.botilbudslaege.agreement.DispensationApplication;
import dk.botilbudslaege.agreement.DispensationApplications;
import dk.botilbudslaege.collaboration.AdvisorySession;
import dk.botilbudslaege.collaboration.AdvisorySessions;
import dk.botilbudslaege.collaboration.CooperationPlans;
import dk.botilbudslaege.collaboration.SickVisitStatus;
import dk.botilbudslaege.collaboration.SickVisits;
import dk.botilbudslaege.common.PageRequest;
import dk.botilbudslaege.coverage.Coverage;
import dk.botilbudslaege.coverage.CoverageRow;
import dk.botilbudslaege.matching.Offers;
import dk.botilbudslaege.matching.Proposals;
import dk.botilbudslaege.matching.RankedLists;
import dk.botilbudslaege.notification.MailOutbox;
import dk.botilbudslaege.registry.ChangeRequest;
import dk.botilbudslaege.registry.ChangeRequests;
import dk.botilbudslaege.registry.Facilities;
import dk.botilbudslaege.registry.Practices;
import dk.botilbudslaege.registry.ReferenceData;
import dk.botilbudslaege.registry.RegistryOverview;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.settlement.Settlements;
import dk.botilbudslaege.survey.Surveys;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The start page of each role (issue 16 item 1): the work waiting in the caller's scope, each block linking to
 * the page where it is done, and every figure naming its scope. The national viewer's start page is the national
 * coverage dashboard ({@code /coverage}). A handful of indexed reads per page, each from the owning module.
 */
@Controller
class StartPageController {

    static final int SHOWN = 5;
    static final ZoneId DENMARK = ZoneId.of("Europe/Copenhagen");

    private final Agreements agreements;
    private final DispensationApplications applications;
    private final ChangeRequests changeRequests;
    private final Settlements settlements;
    private final Surveys surveys;
    private final Proposals proposals;
    private final Offers offers;
    private final RankedLists rankedLists;
    private final CooperationPlans plans;
    private final AdvisorySessions sessions;
    private final SickVisits sickVisits;
    private final Coverage coverage;
    private final RegistryOverview overview;
    private final ReferenceData reference;
    private final Facilities facilities;
    private final Practices practices;
    private final MailOutbox mails;

    StartPageController(
            Agreements agreements,
            DispensationApplications applications,
            ChangeRequests changeRequests,
            Settlements settlements,
            Surveys surveys,
            Proposals proposals,
            Offers offers,
            RankedLists rankedLists,
            CooperationPlans plans,
            AdvisorySessions sessions,
            SickVisits sickVisits,
            Coverage coverage,
            RegistryOverview overview,
            ReferenceData reference,
            Facilities facilities,
            Practices practices,
            MailOutbox mails) {
        this.agreements = agreements;
        this.applications = applications;
        this.changeRequests = changeRequests;
        this.settlements = settlements;
        this.surveys = surveys;
        this.proposals = proposals;
        this.offers = offers;
        this.rankedLists = rankedLists;
        this.plans = plans;
        this.sessions = sessions;
        this.sickVisits = sickVisits;
        this.coverage = coverage;
        this.overview = overview;
        this.reference = reference;
        this.facilities = facilities;
        this.practices = practices;
        this.mails = mails;
    }

    @GetMapping("/")
    String start(CurrentUser user, Model model) {
        model.addAttribute("nav", "overview");
        return switch (user.role()) {
            case NATIONAL -> "forward:/coverage";
            case ADMIN -> admin(model);
            case REGION -> region(user, model);
            case MUNICIPALITY -> municipality(user, model);
            case FACILITY -> facility(user, model);
            case DOCTOR -> doctor(user, model);
        };
    }

    private String admin(Model model) {
        model.addAttribute("failedMails", mails.failedCount());
        return "start/admin";
    }

    private String region(CurrentUser user, Model model) {
        String scope = reference.regionName(user.regionCode()).orElse(user.regionCode());
        model.addAttribute("scope", scope);
        RegistryOverview.Summary summary = overview.summary(user);
        model.addAttribute("summary", summary);
        model.addAttribute("empty", summary.facilities() == 0);
        model.addAttribute("forms", agreements.waitingForms(user, SHOWN));
        model.addAttribute("months", settlements.openMonths(user, 3));
        List<ChangeRequest> requests = changeRequests.list(user, ChangeRequest.Status.PENDING);
        model.addAttribute("changeRequests", requests);
        List<DispensationApplication> pending = applications.list(user, DispensationApplication.Status.PENDING);
        model.addAttribute("applications", pending);
        model.addAttribute("surveys", surveys.running(user));
        // i16-rest: the region's own row only, not the whole national overview
        model.addAttribute(
                "regionCoverage", coverage.regionRow(user.regionCode()).orElse(null));
        model.addAttribute("percent", new Percent());
        return "start/region";
    }

    private String municipality(CurrentUser user, Model model) {
        String scope = reference
                .municipality(user.municipalityCode())
                .map(m -> m.name() + " Kommune")
                .orElse(user.municipalityCode());
        model.addAttribute("scope", scope);
        // i16-rest: the municipality's own row, read in its region only
        CoverageRow own = coverage.municipalityRow(user.regionCode(), user.municipalityCode())
                .orElse(null);
        model.addAttribute("own", own);
        model.addAttribute("percent", new Percent());
        model.addAttribute("proposals", proposals.waiting(user, SHOWN));
        model.addAttribute(
                "drafts",
                agreements.search(
                        user,
                        new Agreements.AgreementFilter(AgreementStatus.DRAFT, null, null, null, null),
                        new PageRequest(0, SHOWN)));
        model.addAttribute("surveys", surveys.running(user));
        return "start/municipality";
    }

    private String facility(CurrentUser user, Model model) {
        var facility = facilities.get(user, user.facilityId());
        model.addAttribute("scope", facility.name());
        model.addAttribute("facility", facility);
        List<Agreement> current = agreements
                .search(
                        user,
                        new Agreements.AgreementFilter(null, null, null, user.facilityId(), null),
                        new PageRequest(0, 20))
                .content()
                .stream()
                .filter(a -> a.status() == AgreementStatus.ACTIVE
                        || a.status() == AgreementStatus.NOTICE_GIVEN
                        || a.status() == AgreementStatus.SUBMITTED
                        || a.status() == AgreementStatus.DRAFT)
                .toList();
        model.addAttribute("agreements", current);
        Agreement running =
                current.stream().filter(CooperationPlans::running).findFirst().orElse(null);
        model.addAttribute("running", running);
        if (running != null) {
            model.addAttribute("plan", plans.find(user, running.id()).orElse(null));
            List<AdvisorySession> logged = sessions.list(user, running.id());
            LocalDate today = LocalDate.now(DENMARK);
            model.addAttribute(
                    "lastSession",
                    logged.stream()
                            .filter(s -> !s.date().isAfter(today))
                            .max(Comparator.comparing(AdvisorySession::date))
                            .orElse(null));
            model.addAttribute(
                    "nextSession",
                    logged.stream()
                            .filter(s -> s.date().isAfter(today))
                            .min(Comparator.comparing(AdvisorySession::date))
                            .orElse(null));
        }
        model.addAttribute(
                "sickVisits",
                sickVisits.list(user, user.facilityId()).stream()
                        .filter(v -> v.status() != SickVisitStatus.DONE)
                        .limit(SHOWN)
                        .toList());
        return "start/facility";
    }

    private String doctor(CurrentUser user, Model model) {
        var practice = user.practiceId() == null ? null : practices.get(user, user.practiceId());
        model.addAttribute("scope", practice == null ? user.displayName() : practice.name());
        List<Agreement> own = agreements
                .search(
                        user,
                        new Agreements.AgreementFilter(null, null, user.doctorId(), null, null),
                        new PageRequest(0, 20))
                .content()
                .stream()
                .filter(a -> a.status() != AgreementStatus.ENDED
                        && a.status() != AgreementStatus.REJECTED
                        && a.status() != AgreementStatus.WITHDRAWN)
                .toList();
        model.addAttribute("agreements", own);
        YearMonth month = YearMonth.now(DENMARK);
        List<ToLog> toLog = new ArrayList<>();
        for (Agreement a : own) {
            if (CooperationPlans.running(a)) {
                int minutes = sessions.list(user, a.id()).stream()
                        .filter(s -> YearMonth.from(s.date()).equals(month))
                        .mapToInt(AdvisorySession::durationMinutes)
                        .sum();
                toLog.add(new ToLog(a, minutes));
            }
        }
        model.addAttribute("toLog", toLog);
        model.addAttribute("month", month);
        long doctorId = user.doctorId() == null ? -1 : user.doctorId();
        model.addAttribute(
                "openings", offers.near(doctorId).stream().limit(SHOWN).toList());
        model.addAttribute("wishes", rankedLists.wishEntries(user, doctorId));
        model.addAttribute("fees", settlements.ownLatestFees(user).orElse(null));
        model.addAttribute("openSickVisits", sickVisits.openForDoctor(user));
        return "start/doctor";
    }

    /** An agreement running this month and the minutes logged on it so far. */
    record ToLog(Agreement agreement, int minutes) {

        /** The agreement's monthly hours as minutes. */
        public int dueMinutes() {
            return agreement.monthlyHours() == null
                    ? 0
                    : agreement
                            .monthlyHours()
                            .multiply(java.math.BigDecimal.valueOf(60))
                            .intValue();
        }
    }

    /** A share (0-1) as a Danish percentage with one decimal. */
    static final class Percent {
        public String of(java.math.BigDecimal share) {
            if (share == null) {
                return "–";
            }
            java.text.NumberFormat f = java.text.NumberFormat.getNumberInstance(java.util.Locale.forLanguageTag("da"));
            f.setMinimumFractionDigits(1);
            f.setMaximumFractionDigits(1);
            return f.format(share.doubleValue() * 100) + " %";
        }
    }
}
