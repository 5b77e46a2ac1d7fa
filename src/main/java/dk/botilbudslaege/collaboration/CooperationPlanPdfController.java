package dk.botilbudslaege.collaboration;

import dk.botilbudslaege.agreement.Agreement;
import dk.botilbudslaege.common.NotFoundException;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.web.PdfRenderer;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The cooperation plan as a printable PDF, in Danish (English with {@code ?lang=en}), for everyone who may read
 * the plan; a draft prints marked as a draft. A {@code @RestController}, so that springdoc lists the API path in
 * {@code /api/v1/openapi.json} (the page path is outside {@code springdoc.paths-to-match}).
 */
@RestController
class CooperationPlanPdfController {

    private final CooperationPlans plans;
    private final PdfRenderer pdfs;

    CooperationPlanPdfController(CooperationPlans plans, PdfRenderer pdfs) {
        this.plans = plans;
        this.pdfs = pdfs;
    }

    @GetMapping({"/api/v1/agreements/{id}/cooperation-plan.pdf", "/agreements/{id}/cooperation-plan.pdf"})
    ResponseEntity<byte[]> plan(CurrentUser user, @PathVariable long id, Locale locale) {
        Agreement agreement = plans.agreement(user, id);
        CooperationPlan plan =
                plans.find(user, id).orElseThrow(() -> NotFoundException.of(CooperationPlans.ENTITY, id));
        byte[] pdf = pdfs.render(
                "pdf/cooperation-plan",
                Map.of(
                        "agreement",
                        agreement,
                        "plan",
                        plan,
                        "names",
                        plans.names(java.util.List.of(plan)),
                        "printed",
                        CooperationPlans.today()),
                locale);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("samarbejdsplan-" + id + ".pdf")
                                .build()
                                .toString())
                .body(pdf);
    }
}
