package dk.botilbudslaege.coverage;

import dk.botilbudslaege.security.CurrentUser;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/coverage} (API.md "Coverage and matching") and its extensions (docs/api.md
 * "Coverage extensions"). Aggregates only, open to every signed-in role; the caller is required so
 * that an anonymous call is a 401.
 */
@RestController
@RequestMapping("/api/v1/coverage")
class CoverageApiController {

    private final Coverage coverage;
    private final CoverageFiles files;

    CoverageApiController(Coverage coverage, CoverageFiles files) {
        this.coverage = coverage;
        this.files = files;
    }

    @GetMapping
    List<CoverageRow> table(
            CurrentUser user,
            @RequestParam(required = false) String date,
            @RequestParam(required = false) String level,
            @RequestParam(required = false) String regionCode) {
        return coverage.table(date, level, regionCode);
    }

    @GetMapping("/history")
    List<HistoryRow> history(
            CurrentUser user,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String level,
            @RequestParam(required = false) String code) {
        return coverage.history(from, to, level, code);
    }

    @GetMapping("/breakdown")
    List<CoverageRow> breakdown(
            CurrentUser user,
            @RequestParam(required = false) String date,
            @RequestParam(required = false) String regionCode,
            @RequestParam(required = false) String by) {
        return coverage.breakdown(date, regionCode, by);
    }

    @GetMapping("/targets")
    Targets targets(CurrentUser user, @RequestParam(required = false) String date) {
        return coverage.targets(date);
    }

    /** Open data: the per-municipality table, semicolon-separated UTF-8 with BOM as Danish Excel reads it. */
    @GetMapping("/municipalities.csv")
    ResponseEntity<byte[]> municipalitiesCsv(CurrentUser user, @RequestParam(required = false) String date) {
        List<MunicipalityCoverage> rows = coverage.municipalities(date);
        String day = date == null || date.isBlank() ? Coverage.today().toString() : date.trim();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"daekningsgrad-kommuner-" + day + ".csv\"")
                .body(files.municipalitiesCsv(rows));
    }
}
