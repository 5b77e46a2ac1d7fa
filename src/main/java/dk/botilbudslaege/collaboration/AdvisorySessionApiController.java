package dk.botilbudslaege.collaboration;

import dk.botilbudslaege.security.CurrentUser;
import java.time.YearMonth;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Advisory sessions, hours delivered and the topic catalogue (API.md "Added: collaboration"):
 * {@code /api/v1/agreements/{id}/sessions}, {@code /api/v1/agreements/{id}/hours}, {@code /api/v1/hours},
 * {@code /api/v1/session-topics}.
 */
@RestController
@RequestMapping("/api/v1")
class AdvisorySessionApiController {

    private final AdvisorySessions sessions;
    private final Hours hours;
    private final SessionTopics topics;

    AdvisorySessionApiController(AdvisorySessions sessions, Hours hours, SessionTopics topics) {
        this.sessions = sessions;
        this.hours = hours;
        this.topics = topics;
    }

    @GetMapping("/agreements/{id}/sessions")
    List<AdvisorySession> list(CurrentUser user, @PathVariable long id) {
        return sessions.list(user, id);
    }

    @PostMapping("/agreements/{id}/sessions")
    ResponseEntity<AdvisorySession> log(
            CurrentUser user, @PathVariable long id, @RequestBody AdvisorySessionForm form) {
        AdvisorySession logged = sessions.log(user, id, form);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest()
                        .path("/{sessionId}")
                        .buildAndExpand(logged.id())
                        .toUri())
                .body(logged);
    }

    @PatchMapping("/agreements/{id}/sessions/{sessionId}")
    AdvisorySession decide(
            CurrentUser user,
            @PathVariable long id,
            @PathVariable long sessionId,
            @RequestBody AdvisorySessionDecisionForm decision) {
        return sessions.decide(user, id, sessionId, decision);
    }

    @PutMapping("/agreements/{id}/sessions/{sessionId}")
    AdvisorySession correct(
            CurrentUser user,
            @PathVariable long id,
            @PathVariable long sessionId,
            @RequestBody AdvisorySessionForm form) {
        return sessions.correct(user, id, sessionId, form);
    }

    @DeleteMapping("/agreements/{id}/sessions/{sessionId}")
    ResponseEntity<Void> withdraw(CurrentUser user, @PathVariable long id, @PathVariable long sessionId) {
        sessions.withdraw(user, id, sessionId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/agreements/{id}/hours")
    Hours.AgreementHours agreementHours(
            CurrentUser user,
            @PathVariable long id,
            @RequestParam(required = false) YearMonth from,
            @RequestParam(required = false) YearMonth to) {
        return hours.forAgreement(user, id, from, to);
    }

    @GetMapping("/hours")
    Hours.Overview overview(
            CurrentUser user,
            @RequestParam(required = false) String level,
            @RequestParam(required = false) String code) {
        return hours.overview(user, level, code);
    }

    @GetMapping("/session-topics")
    List<SessionTopics.Topic> topics() {
        return topics.list();
    }

    @PostMapping("/session-topics")
    ResponseEntity<SessionTopics.Topic> addTopic(CurrentUser user, @RequestBody SessionTopics.NewTopic topic) {
        SessionTopics.Topic added = topics.add(user, topic);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest()
                        .path("/{id}")
                        .buildAndExpand(added.id())
                        .toUri())
                .body(added);
    }

    @DeleteMapping("/session-topics/{id}")
    ResponseEntity<Void> removeTopic(CurrentUser user, @PathVariable long id) {
        topics.remove(user, id);
        return ResponseEntity.noContent().build();
    }
}
