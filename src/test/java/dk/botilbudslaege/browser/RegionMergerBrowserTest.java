package dk.botilbudslaege.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.registry.ReferenceData;
import dk.botilbudslaege.support.Browser;
import dk.botilbudslaege.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The administrator previews the 2027 merger (46 municipalities) and registers a merger after confirming. The
 * registered merger is of two throwaway regions without municipalities (a real one would change the registry for
 * every later test); they are removed afterwards.
 */
@IntegrationTest
class RegionMergerBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReferenceData reference;

    @BeforeEach
    void throwawayRegions() {
        cleanUp();
        jdbc.sql("insert into region (code, name) values ('1097', 'Testregion A'), ('1098', 'Testregion B')")
                .update();
    }

    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from region_neighbour where '1099' in (region_code, neighbour_code)")
                .update();
        jdbc.sql("delete from region_merger_source where old_region_code in ('1097', '1098')")
                .update();
        jdbc.sql("delete from region_merger where new_region_code = '1099'").update();
        jdbc.sql("delete from audit_event where entity_type = 'REGION' and entity_id = '1099'")
                .update();
        jdbc.sql("delete from region where code in ('1097', '1098', '1099')").update();
        reference.refresh();
    }

    @Test
    void the_administrator_sees_the_consequences_and_confirms_a_merger() {
        try (Browser admin = Browser.open(port)) {
            admin.login("admin");
            admin.go("/admin");
            admin.clickAndWait(By.id("regions-link"));
            assertThat(admin.text()).contains("Region Hovedstaden", "Region Sjælland");
            assertThat(admin.find(By.id("merger-date")).getAttribute("value")).isEqualTo("01-01-2027");

            admin.type(By.id("merger-name"), "Region Østdanmark");
            admin.type(By.id("merger-code"), "1086");
            admin.find(By.id("merge-1084")).click();
            admin.find(By.id("merge-1085")).click();
            admin.clickAndWait(By.id("merger-preview"));
            assertThat(admin.find(By.id("consequence-municipalities")).getText())
                    .contains("46");
            assertThat(admin.find(By.id("merger-confirm")).getText()).contains("kan ikke fortrydes");
            admin.screenshot("region-merger-preview");

            admin.go("/admin/regions");
            admin.type(By.id("merger-name"), "Testregion AB");
            admin.type(By.id("merger-code"), "1099");
            ((JavascriptExecutor) admin.driver())
                    .executeScript("arguments[0].value = arguments[1]", admin.find(By.id("merger-date")), "2030-01-01");
            admin.find(By.id("merge-1097")).click();
            admin.find(By.id("merge-1098")).click();
            admin.clickAndWait(By.id("merger-preview"));
            assertThat(admin.find(By.id("consequence-municipalities")).getText())
                    .contains("0");
            admin.clickAndWait(By.id("merger-register"));
            assertThat(admin.text())
                    .contains("Sammenlægningen til Testregion AB er registreret og gælder fra 01-01-2030");
            assertThat(admin.find(By.id("region-1097")).getText()).contains("31-12-2029", "1099");
            assertThat(admin.find(By.id("region-1099")).getText()).contains("01-01-2030");
        }
    }
}
