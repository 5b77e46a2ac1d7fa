package dk.botilbudslaege.collaboration;

import dk.botilbudslaege.support.Api;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;

/** What the cooperation plan tests share: the API, {@link CooperationPlanScenarios}, the plan's path. */
abstract class CooperationPlanTestBase extends CollaborationTestBase {

    CooperationPlanScenarios given;

    @BeforeEach
    void setUp() {
        given = new CooperationPlanScenarios(api, users);
    }

    static String path(long id) {
        return "/api/v1/agreements/" + id + "/cooperation-plan";
    }

    static List<String> fields(Api.Response answer) {
        return CollaborationFixtures.fields(answer);
    }
}
